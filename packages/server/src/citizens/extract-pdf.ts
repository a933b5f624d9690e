import type { RegisterExtract } from '@samsyn/core';
import { renderPdf } from '../pdf/render.ts';
import { extractDocument, type ExtractBlock } from './extract-sections.ts';

/** The register extract as a PDF: the same sections as the printable page, with the date and page numbers on every page. */
export function registerExtractPdf(x: RegisterExtract): Promise<Buffer> {
  const doc = extractDocument(x);
  return renderPdf({
    info: { title: doc.title, creator: 'Samsyn', producer: 'Samsyn' },
    language: doc.language === 'sv' ? 'sv-SE' : 'en-GB',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 44],
    footer: (page: number, pages: number) => ({ columns: [{ text: doc.generated }, { text: `${page}/${pages}`, alignment: 'right' }], margin: [36, 12], fontSize: 8 }),
    content: [
      { text: doc.heading, style: 'title' },
      { text: doc.intro, margin: [0, 0, 0, 4] },
      { text: doc.generated, margin: [0, 0, 0, 4] },
      ...doc.sections.flatMap((s) => [{ text: s.title, style: 'heading' }, blockPdf(s.block)]),
    ],
    defaultStyle: { fontSize: 9 },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] }, header: { bold: true, fillColor: '#dde6f0' } },
  });
}

function blockPdf(block: ExtractBlock): Record<string, unknown> {
  if (block.kind === 'pairs') return { table: { widths: ['auto', '*'], body: block.rows.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'noBorders' };
  if (block.kind === 'list') return { ul: block.items };
  if (block.rows.length === 0) return { text: block.empty };
  return { table: { headerRows: 1, widths: block.head.map(() => '*'), body: [block.head.map((text) => ({ text, style: 'header' })), ...block.rows] }, layout: { hLineColor: '#999999', vLineColor: '#999999' } };
}
