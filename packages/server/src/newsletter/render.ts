import { sheetWords, type ActivityStatus } from '@samsyn/core';
import { esc, paragraphs, type Lang } from '../public-pages/html.ts';
import type { BlockData, SurveyCell } from './blocks.ts';

/**
 * An issue's blocks as HTML (the public page, no script) and as pdfmake content (the PDF). A chart
 * is a small SVG drawing with its figures in a table beside it: the table is the text alternative
 * (WCAG 1.1.1), so the drawing is hidden from assistive technology. A suppressed cell shows its
 * reason ("för få svar"), never a figure.
 */

export const newsletterWords = {
  sv: { year: 'År', grade: 'Årskurs', all: 'Alla', percent: 'Andel (%)', interval: '95 % konfidensintervall', tooFew: 'För få svar', complementary: 'Dolt (skydd mot uträkning)', area: 'Område', county: 'Länet', period: 'Period', value: 'Värde', median: 'Median', signal: 'Signal: en verklig förändring', noSignal: 'Ingen signal ännu', plan: 'Handlingsplan', goal: 'Övergripande mål', activity: 'Aktivitet', status: 'Status', ends: 'Slutdatum', fund: 'Från sociala investeringsfonden', applicant: 'Sökande', target: 'Målgrupp', intervention: 'Insats', effects: 'Förväntade effekter', projectPeriod: 'Projektperiod', none: 'Inga värden ännu.', issue: 'Nyhetsbrev', pdf: 'Nyhetsbrevet som PDF', subscribe: 'Prenumerera på nyhetsbrevet' },
  en: { year: 'Year', grade: 'Grade', all: 'All', percent: 'Share (%)', interval: '95 % confidence interval', tooFew: 'Too few answers', complementary: 'Hidden (protects against working out)', area: 'Area', county: 'The county', period: 'Period', value: 'Value', median: 'Median', signal: 'Signal: a real change', noSignal: 'No signal yet', plan: 'Action plan', goal: 'Overall goal', activity: 'Activity', status: 'Status', ends: 'End date', fund: 'From the social-investment fund', applicant: 'Applicant', target: 'Target group', intervention: 'Intervention', effects: 'Expected effects', projectPeriod: 'Project period', none: 'No values yet.', issue: 'Newsletter', pdf: 'The newsletter as PDF', subscribe: 'Subscribe to the newsletter' },
} as const;

type W = (typeof newsletterWords)[Lang];

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], none: string): string {
  if (rows.length === 0) return `<p>${esc(none)}</p>`;
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

const num = (lang: Lang, n: number) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 });
const gradeName = (w: W, g: string) => (g === 'all' ? w.all : g);
const cellText = (lang: Lang, w: W, c: SurveyCell) => (c.shown ? `${num(lang, c.percent!)} (${num(lang, c.lower!)}–${num(lang, c.upper!)})` : c.reason === 'complementary' ? w.complementary : w.tooFew);

/** A line through the shown values (a gap where one is missing or hidden), scaled to its own range. */
function sparkline(values: readonly (number | null)[], median: number | null = null): string {
  const shown = values.filter((v): v is number => v !== null);
  if (shown.length < 2) return '';
  const lo = Math.min(...shown, median ?? Infinity), hi = Math.max(...shown, median ?? -Infinity);
  const x = (i: number) => 10 + (i * 380) / (values.length - 1);
  const y = (v: number) => 110 - (hi === lo ? 50 : ((v - lo) * 100) / (hi - lo));
  const segments: string[][] = [[]];
  values.forEach((v, i) => (v === null ? segments.push([]) : segments.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)));
  const lines = segments.filter((s) => s.length > 1).map((s) => `<polyline fill="none" stroke="#0b4f9c" stroke-width="2" points="${s.join(' ')}"/>`).join('');
  const dots = values.map((v, i) => (v === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="#0b4f9c"/>`)).join('');
  const mid = median === null ? '' : `<line x1="10" x2="390" y1="${y(median).toFixed(1)}" y2="${y(median).toFixed(1)}" stroke="#595959" stroke-dasharray="4 3"/>`;
  return `<svg class="chart" viewBox="0 0 400 120" width="100%" style="max-width:30rem" aria-hidden="true" focusable="false">${mid}${lines}${dots}</svg>`;
}

export function blockHtml(b: BlockData, lang: Lang): string {
  const w = newsletterWords[lang];
  switch (b.type) {
    case 'text':
      return `<section>${b.heading ? `<h2>${esc(b.heading)}</h2>` : ''}${paragraphs(b.text)}</section>`;
    case 'survey': {
      const name = lang === 'sv' ? b.nameSv : b.nameEn;
      const area = b.area === 'county' ? w.county : (b.areaName ?? b.area);
      const all = b.rows.map((r) => { const c = r.cells[0]!; return c.shown ? c.percent : null; });
      return `<section><h2>${esc(name)}</h2><p>${w.area}: ${esc(area)}. ${w.percent}, ${w.interval}.</p>${sparkline(all)}${table(`${name} – ${area}`, [w.year, ...b.grades.map((g) => `${w.grade}: ${gradeName(w, g)}`)], b.rows.map((r) => [String(r.year), ...r.cells.map((c) => cellText(lang, w, c))]), w.none)}</section>`;
    }
    case 'kolada':
      return `<section><h2>${esc(b.kpi)} – ${esc(b.municipalityName)}</h2>${sparkline(b.points.map((p) => p.value))}${table(`${b.kpi} – ${b.municipalityName}`, [w.year, w.value], b.points.map((p) => [String(p.period), p.value === null ? '–' : num(lang, p.value)]), w.none)}</section>`;
    case 'run_chart':
      return `<section><h2>${esc(b.name)}</h2><p>${b.signal ? w.signal : w.noSignal}${b.median === null ? '' : `. ${w.median}: ${num(lang, b.median)}`}</p>${sparkline(b.points.map((p) => p.value), b.median)}${table(b.name, [w.period, w.value], b.points.map((p) => [p.period, p.value === null ? '–' : num(lang, p.value)]), w.none)}</section>`;
    case 'action_plan':
      return `<section><h2>${w.plan}: ${esc(b.title)}</h2><dl><dt>${w.period}</dt><dd>${esc(b.periodStart)} – ${esc(b.periodEnd)}</dd><dt>${w.goal}</dt><dd>${esc(b.overallGoal)}</dd></dl>${table(b.title, [w.activity, w.status, w.ends], b.activities.map((a) => [a.title, sheetWords(lang).statuses[a.status as ActivityStatus], a.endsOn]), w.none)}</section>`;
    case 'fund_story':
      return `<section><h2>${esc(b.title)}</h2><p>${w.fund}</p><dl><dt>${w.applicant}</dt><dd>${esc(b.applicant)}</dd><dt>${w.target}</dt><dd>${esc(b.targetGroup)}</dd><dt>${w.projectPeriod}</dt><dd>${esc(b.projectStart ?? '–')} – ${esc(b.projectEnd ?? '–')}</dd></dl><h3>${w.intervention}</h3>${paragraphs(b.intervention)}<h3>${w.effects}</h3>${paragraphs(b.expectedEffects)}</section>`;
  }
}

/** The issue's content as plain text lines: the e-mail's body (the public text, no figures' drawing). */
export function blockText(b: BlockData, lang: Lang): string {
  const w = newsletterWords[lang];
  switch (b.type) {
    case 'text': return [b.heading, b.text].filter(Boolean).join('\n\n');
    case 'survey': return `${lang === 'sv' ? b.nameSv : b.nameEn}\n${b.rows.map((r) => `${r.year}: ${cellText(lang, w, r.cells[0]!)}`).join('\n')}`;
    case 'kolada': return `${b.kpi} – ${b.municipalityName}\n${b.points.map((p) => `${p.period}: ${p.value === null ? '–' : num(lang, p.value)}`).join('\n')}`;
    case 'run_chart': return `${b.name}: ${b.signal ? w.signal : w.noSignal}`;
    case 'action_plan': return `${w.plan}: ${b.title}\n${b.activities.map((a) => `- ${a.title}: ${sheetWords(lang).statuses[a.status as ActivityStatus]}`).join('\n')}`;
    case 'fund_story': return `${b.title} (${b.applicant})\n${b.intervention}`;
  }
}

/** pdfmake content for one block: headings, paragraphs and tables (the PDF has no drawings). */
export function blockPdf(b: BlockData, lang: Lang): unknown[] {
  const w = newsletterWords[lang];
  const grid = (head: string[], rows: string[][]) => (rows.length === 0 ? [{ text: w.none }] : [{ table: { headerRows: 1, body: [head.map((h) => ({ text: h, bold: true })), ...rows] }, margin: [0, 4, 0, 8] }]);
  const h = (text: string) => ({ text, style: 'h2' });
  switch (b.type) {
    case 'text': return [...(b.heading ? [h(b.heading)] : []), ...b.text.split(/\n\s*\n/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6] }))];
    case 'survey': return [h(lang === 'sv' ? b.nameSv : b.nameEn), { text: `${w.area}: ${b.area === 'county' ? w.county : b.area}. ${w.percent}, ${w.interval}.` }, ...grid([w.year, ...b.grades.map((g) => gradeName(w, g))], b.rows.map((r) => [String(r.year), ...r.cells.map((c) => cellText(lang, w, c))]))];
    case 'kolada': return [h(`${b.kpi} – ${b.municipalityName}`), ...grid([w.year, w.value], b.points.map((p) => [String(p.period), p.value === null ? '–' : num(lang, p.value)]))];
    case 'run_chart': return [h(b.name), { text: b.signal ? w.signal : w.noSignal }, ...grid([w.period, w.value], b.points.map((p) => [p.period, p.value === null ? '–' : num(lang, p.value)]))];
    case 'action_plan': return [h(`${w.plan}: ${b.title}`), { text: `${w.goal}: ${b.overallGoal}` }, ...grid([w.activity, w.status, w.ends], b.activities.map((a) => [a.title, sheetWords(lang).statuses[a.status as ActivityStatus], a.endsOn]))];
    case 'fund_story': return [h(b.title), { text: `${w.fund}. ${w.applicant}: ${b.applicant}. ${w.target}: ${b.targetGroup}.` }, { text: b.intervention, margin: [0, 4, 0, 4] }, { text: b.expectedEffects }];
  }
}
