import ExcelJS from 'exceljs';
import { sheetHeading, sheetRows, sheetWords, type ActionPlanView, type SheetLanguage } from '@samsyn/core';

/**
 * The plan as an Excel sheet laid out like the familiar table: Delmål | Aktivitet, ansvarig |
 * Uppföljning | Kommunikationsplan, one row per activity, the sub-goal's cell merged over its
 * activities. Late activities are filled red and say "Försenad" in words (never colour alone).
 */

export const sheetName = { sv: 'Handlingsplan', en: 'Action plan' } as const;
/** The row of the column headings: the title, three heading lines and a blank row come first. */
export const headerRow = 6;

export async function planWorkbook(plan: ActionPlanView, language: SheetLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samsyn';
  // The export's own date: the server's clock (the plan's "today"), never the machine's.
  workbook.created = new Date(`${plan.today}T12:00:00Z`);
  const sheet = workbook.addWorksheet(sheetName[language], { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 40 }, { width: 50 }, { width: 42 }, { width: 42 }];
  sheet.getCell('A1').value = plan.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheetHeading(plan, language).forEach((line, i) => {
    sheet.getCell(`A${i + 2}`).value = line;
    sheet.mergeCells(`A${i + 2}:D${i + 2}`);
  });
  const header = sheet.getRow(headerRow);
  header.values = [...sheetWords(language).columns];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  const rows = sheetRows(plan, language);
  rows.forEach((r, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    row.values = [r.subGoalSpan > 0 ? r.subGoal : null, r.activity, r.followUp, r.communication];
    row.alignment = { wrapText: true, vertical: 'top' };
    if (r.status === 'late') row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } };
  });
  // Merged once every row is written: a value written into a merged cell would undo the merge.
  rows.forEach((r, i) => {
    if (r.subGoalSpan > 1) sheet.mergeCells(headerRow + 1 + i, 1, headerRow + i + r.subGoalSpan, 1);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
