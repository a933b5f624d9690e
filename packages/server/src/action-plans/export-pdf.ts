import { sheetHeading, sheetRows, sheetWords, type ActionPlanView, type SheetLanguage } from '@samsyn/core';
import { renderPdf } from '../pdf/render.ts';

/** The plan as a PDF: the same table as the Excel sheet, landscape A4 (fonts and policies in pdf/render.ts). */
export async function planPdf(plan: ActionPlanView, language: SheetLanguage): Promise<Buffer> {
  const words = sheetWords(language);
  const rows = sheetRows(plan, language);
  const body = [
    words.columns.map((text) => ({ text, style: 'header' })),
    ...rows.map((r) => [
      r.subGoalSpan > 0 ? { text: r.subGoal, rowSpan: r.subGoalSpan, bold: true } : {},
      { text: r.activity, ...(r.status === 'late' ? { fillColor: '#f8d7da' } : {}) },
      { text: r.followUp },
      { text: r.communication },
    ]),
  ];
  const doc = {
    info: { title: plan.title, creator: 'Samsyn', producer: 'Samsyn' },
    language: language === 'sv' ? 'sv-SE' : 'en-GB',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    footer: (page: number, pages: number) => ({ text: `${plan.title} · ${plan.today} · ${page}/${pages}`, alignment: 'right', margin: [36, 10], fontSize: 8 }),
    content: [
      { text: plan.title, style: 'title' },
      ...sheetHeading(plan, language).map((text) => ({ text, margin: [0, 0, 0, 2] })),
      { text: ' ' },
      { table: { headerRows: 1, widths: ['22%', '30%', '24%', '24%'], body }, layout: { hLineColor: '#999999', vLineColor: '#999999' } },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, header: { bold: true, fillColor: '#dde6f0' } },
  };
  return renderPdf(doc);
}
