import ExcelJS from 'exceljs';
import { csvBom, toCsv, type AgreementView, type CostTotal, type CsvValue, type PlacementView, type TrainingRecordView } from '@samsyn/core';

/**
 * The lists of agreements, joint placements (for the finance departments) and training as CSV
 * (semicolon-separated, with BOM, as the other lists) or Excel. Words in Swedish or English.
 */

type Lang = 'sv' | 'en';
export interface Table { name: string; header: string[]; rows: CsvValue[][] }

const words = {
  sv: {
    placements: 'Placeringar', totals: 'Summor', agreements: 'Överenskommelser', training: 'Utbildning',
    placementHeader: ['Ärendereferens', 'Region', 'Kommun', 'Regionens andel (%)', 'Från', 'Till', 'År', 'Belopp (kr)', 'Regionens del (kr)', 'Kommunens del (kr)'],
    totalHeader: ['Organisation', 'År', 'Belopp (kr)', 'Antal placeringar'],
    agreementHeader: ['Titel', 'Typ', 'Parter', 'Ägare', 'Giltig från', 'Giltig till', 'Revideras senast', 'Status', 'Version'],
    trainingHeader: ['Organisation', 'Enhet', 'Utbildning', 'Personal', 'Genomfört', 'Andel (%)', 'Mål (%)', 'Under målet', 'Räknat'],
    yes: 'Ja', no: 'Nej',
  },
  en: {
    placements: 'Placements', totals: 'Totals', agreements: 'Agreements', training: 'Training',
    placementHeader: ['Case reference', 'Region', 'Municipality', 'Region share (%)', 'From', 'Until', 'Year', 'Amount (SEK)', 'Region part (SEK)', 'Municipality part (SEK)'],
    totalHeader: ['Organisation', 'Year', 'Amount (SEK)', 'Placements'],
    agreementHeader: ['Title', 'Kind', 'Parties', 'Owners', 'Valid from', 'Valid until', 'Revision due', 'Status', 'Version'],
    trainingHeader: ['Organisation', 'Unit', 'Course', 'Staff', 'Completed', 'Share (%)', 'Target (%)', 'Below target', 'Counted'],
    yes: 'Yes', no: 'No',
  },
} as const;

export function placementTables(placements: readonly PlacementView[], totals: readonly CostTotal[], lang: Lang): Table[] {
  const w = words[lang];
  const rows = placements.flatMap((p) => p.costs.map((c) => [p.caseReference, p.region.name, p.municipality.name, p.regionSharePercent, p.startsOn, p.endsOn ?? '', c.year, c.amount, c.region, c.municipality]));
  return [
    { name: w.placements, header: [...w.placementHeader], rows },
    { name: w.totals, header: [...w.totalHeader], rows: totals.map((t) => [t.organisation.name, t.year, t.amount, t.placements]) },
  ];
}

export function agreementTable(agreements: readonly AgreementView[], lang: Lang, statusWord: (s: string) => string): Table {
  const w = words[lang];
  return { name: w.agreements, header: [...w.agreementHeader], rows: agreements.map((a) => [a.title, a.kind, a.parties.map((p) => p.name).join(', '), a.owners.map((o) => o.name).join(', '), a.validFrom, a.validUntil ?? '', a.revisionDueOn, statusWord(a.status), a.currentVersion]) };
}

export function trainingTable(records: readonly TrainingRecordView[], lang: Lang): Table {
  const w = words[lang];
  return { name: w.training, header: [...w.trainingHeader], rows: records.map((r) => [r.organisation.name, r.unit.name, r.course.name, r.staffCount, r.completedCount, r.share === null ? '' : Math.round(r.share * 1000) / 10, r.course.targetPercent, r.belowTarget ? w.yes : w.no, r.recordedOn]) };
}

/** CSV holds the first table (the rows); Excel holds every table, one sheet each. */
export function tablesCsv(tables: readonly Table[]): string {
  return csvBom + toCsv(tables[0]!.header, tables[0]!.rows);
}

export async function tablesWorkbook(tables: readonly Table[], day: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samsyn';
  workbook.created = new Date(`${day}T12:00:00Z`);
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name);
    sheet.addRow(t.header).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row.map((v) => (v === null || v === undefined ? '' : v)));
    sheet.columns.forEach((c) => { c.width = 22; });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
