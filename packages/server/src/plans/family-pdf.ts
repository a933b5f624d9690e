import type { FamilyDocument } from '@samsyn/core';
import { renderPdf } from '../pdf/render.ts';

/**
 * The family's plan on paper (issue 14, point 6): portrait A4 in large, plain type, the sections
 * of core's `familyPlanDocument` in order, and on every page the date it was printed and its
 * page number.
 */
export function familyPlanPdf(doc: FamilyDocument, language: 'sv' | 'en'): Promise<Buffer> {
  const heading = (text: string) => ({ text, style: 'heading' });
  const goals = doc.goals.length === 0
    ? [{ text: doc.noGoals }]
    : doc.goals.map((g) => ({
        stack: [
          { text: g.wording, bold: true },
          ...(g.childWords ? [{ text: `${doc.labels.childWords}: ”${g.childWords}”`, italics: true }] : []),
          { text: `${doc.labels.area}: ${g.area} · ${doc.labels.by}: ${g.by}` },
        ],
        margin: [0, 0, 0, 8],
      }));
  const actions = doc.actions.length === 0
    ? [{ text: doc.noActions }]
    : [{ table: { headerRows: 1, widths: ['34%', '28%', '22%', '16%'], body: [doc.columns.map((text) => ({ text, style: 'header' })), ...doc.actions] }, layout: { hLineColor: '#999999', vLineColor: '#999999' } }];
  return renderPdf({
    info: { title: doc.title, creator: 'Samsyn', producer: 'Samsyn' },
    language: language === 'sv' ? 'sv-SE' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    footer: (page: number, pages: number) => ({ columns: [{ text: doc.madeOn }, { text: doc.page(page, pages), alignment: 'right' }], margin: [48, 16], fontSize: 9 }),
    content: [
      { text: doc.kind, style: 'kind' },
      { text: doc.title, style: 'title' },
      ...doc.standing.map((text) => ({ text, margin: [0, 0, 0, 4] })),
      heading(doc.goalsHeading),
      ...goals,
      heading(doc.actionsHeading),
      ...actions,
      ...(doc.views.length > 0 ? [heading(doc.viewsHeading), ...doc.views.map((v) => ({ text: [{ text: `${v.who}: `, bold: true }, v.text], margin: [0, 0, 0, 4] }))] : []),
      heading(doc.nextFollowUpHeading),
      { text: doc.nextFollowUp },
      heading(doc.nextMeetingHeading),
      ...doc.nextMeeting.map((text) => ({ text })),
      heading(doc.contactHeading),
      ...doc.contact.map((c) => ({ text: [{ text: `${c.label}: `, bold: true }, c.value] })),
    ],
    defaultStyle: { fontSize: 12, lineHeight: 1.2 },
    styles: {
      kind: { fontSize: 11, color: '#444444' },
      title: { fontSize: 20, bold: true, margin: [0, 2, 0, 8] },
      heading: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
      header: { bold: true, fillColor: '#dde6f0' },
    },
  });
}
