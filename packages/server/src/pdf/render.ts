// The web app type-checks the server too (its browser tests start it): the reference brings pdfmake's types along.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfmake.d.ts" />
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

/**
 * Every PDF Samsyn makes (an action plan, the family's plan) is rendered here. The fonts are the
 * Roboto files pdfmake ships, read from its package; pdfmake may fetch no URL and read no other
 * file, so an export never reaches outside the server.
 */
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));

/** A pdfmake document definition as a PDF file, in the Roboto font unless the definition says otherwise. */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', ...(doc.defaultStyle as Record<string, unknown> | undefined) } }).getBuffer();
}
