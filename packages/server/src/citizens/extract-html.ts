import type { RegisterExtract } from '@samsyn/core';
import { extractDocument, type ExtractBlock } from './extract-sections.ts';

/**
 * The register extract as a page to read and print: plain HTML with its own small stylesheet, no
 * script, in the reader's language. Every value is escaped.
 */
export function registerExtractHtml(x: RegisterExtract): string {
  const doc = extractDocument(x);
  const sections = doc.sections.map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${esc(s.title)}</h2>${blockHtml(s.block)}</section>`).join('\n');
  return `<!doctype html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #767676; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
@media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { position: absolute; left: -9999px; } td { border: none; } tr { border: 1px solid #767676; margin-bottom: .5rem; } }
@media print { body { max-width: none; } }
</style>
</head>
<body>
<main>
<h1>${esc(doc.heading)}</h1>
<p>${esc(doc.intro)}</p>
<p>${esc(doc.generated)}</p>
${sections}
</main>
</body>
</html>
`;
}

function blockHtml(block: ExtractBlock): string {
  if (block.kind === 'pairs') return `<dl>${block.rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  if (block.kind === 'list') return `<ul>${block.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  if (block.rows.length === 0) return `<p>${esc(block.empty)}</p>`;
  const head = block.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
