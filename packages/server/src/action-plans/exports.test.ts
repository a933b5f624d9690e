import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetWords, type ActionPlanList, type ActionPlanView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { pdfText } from '../test/pdf.ts';
import { headerRow, sheetName } from './export-xlsx.ts';

// The exports of the demo's plan: the Excel sheet read back with exceljs, cell by cell against the
// plan as the API shows it, and the PDF's text (extracted with pdf.js) holding every sub-goal.

let t: TestApp;
let reader: TestClient;
let plan: ActionPlanView;

beforeAll(async () => {
  t = await createTestApp();
  reader = await t.loginAs('outsider');
  const list = (await reader.get('/api/action-plans')).json() as ActionPlanList;
  plan = (await reader.get(`/api/action-plans/${list.plans.find((p) => p.title.startsWith('Handlingsplan för barn'))!.id}`)).json();
});
afterAll(() => t.close());

const text = (cell: ExcelJS.Cell) => (cell.value === null ? '' : String(cell.value));

describe('the Excel export', () => {
  it('is laid out Delmål | Aktivitet, ansvarig | Uppföljning | Kommunikationsplan, and its cells match the plan', async () => {
    const res = await reader.get(`/api/action-plans/${plan.id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="handlingsplan-${plan.today}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(sheetName.sv)!;
    expect(text(sheet.getCell('A1'))).toBe(plan.title);
    expect([1, 2, 3, 4].map((c) => text(sheet.getRow(headerRow).getCell(c)))).toEqual(['Delmål', 'Aktivitet, ansvarig', 'Uppföljning', 'Kommunikationsplan']);
    let row = headerRow + 1;
    for (const goal of plan.subGoals) {
      const first = row;
      for (const a of goal.activities) {
        const cells = sheet.getRow(row);
        // A merged cell reads as its master's value on every row it spans.
        expect(text(cells.getCell(1))).toBe(`${goal.title}\n${goal.description}`);
        expect(cells.getCell(1).master.address).toBe(`A${first}`);
        const responsible = a.responsibleUser ? `${a.responsibleUser.displayName}, ${a.responsibleOrganisation.name}` : a.responsibleOrganisation.name;
        expect(text(cells.getCell(2))).toBe(`${a.title}\nAnsvarig: ${responsible}\nTid: ${a.startsOn} – ${a.endsOn}\nStatus: ${sheetWords('sv').statuses[a.status]}`);
        expect(text(cells.getCell(3))).toContain(a.followUp.how);
        expect(text(cells.getCell(3))).toContain(`Avstämningar: ${a.checkInDates.join(', ')}`);
        expect(text(cells.getCell(4))).toBe(a.communication.map((c) => `${c.audience} – ${c.channel} – ${c.when}`).join('\n'));
        row += 1;
      }
      expect(sheet.getCell(row - 1, 1).master.address, 'the sub-goal spans its activities').toBe(`A${first}`);
    }
    expect(text(sheet.getRow(row).getCell(2))).toBe('');
    const late = plan.subGoals.flatMap((g) => g.activities).findIndex((a) => a.status === 'late');
    expect((sheet.getRow(headerRow + 1 + late).getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8D7DA');
  });

  it('speaks English with lang=en, and is logged', async () => {
    const res = await reader.get(`/api/action-plans/${plan.id}/export.xlsx?lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(sheetName.en)!;
    expect([1, 2, 3, 4].map((c) => text(sheet.getRow(headerRow).getCell(c)))).toEqual(['Sub-goal', 'Activity, responsible', 'Follow-up', 'Communication plan']);
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', plan.id).where('action', '=', 'action_plan.export').orderBy('seq').execute();
    expect(entries.map((e) => e.details)).toEqual([{ format: 'xlsx', language: 'sv' }, { format: 'xlsx', language: 'en' }]);
  });
});

describe('the PDF export', () => {
  it('holds every sub-goal, activity and the late status in its text', async () => {
    const res = await reader.get(`/api/action-plans/${plan.id}/export.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const words = await pdfText(res.rawPayload);
    for (const goal of plan.subGoals) expect(words).toContain(goal.title);
    for (const a of plan.subGoals.flatMap((g) => g.activities)) expect(words.replace(/- /g, '-')).toContain(a.title.split(' ').slice(0, 3).join(' '));
    expect(words).toContain('Status: Försenad');
    expect(words).toContain('Delmål');
    expect(words).toContain('Kommunikationsplan');
  });
});
