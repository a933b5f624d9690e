import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's text as a reader sees it (pdf.js), every run of white space one space: what tests look for in an export. */
export async function pdfText(payload: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(payload), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= pdf.numPages; p += 1) {
    const page = await pdf.getPage(p);
    text += (await page.getTextContent()).items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ' '}` : '')).join('');
  }
  return text.replace(/\s+/g, ' ');
}
