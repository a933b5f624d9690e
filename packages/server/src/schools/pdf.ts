import type { ProfileShare, SchoolProfileView } from '@samsyn/core';
import { renderPdf } from '../pdf/render.ts';

/**
 * The school profile as a PDF for the school's own work (fonts and policies in pdf/render.ts).
 * It prints what the profile view holds and nothing more: a hidden cell is printed as its reason
 * in words ("för få svar"), never as a figure.
 */
const words = {
  sv: {
    title: 'Skolprofil', code: 'Skolenhetskod', survey: 'Enkätresultat', school: 'Skolan', municipality: 'Kommunen', county: 'Länet', year: 'År', change: 'Skolans förändring',
    kolada: 'Skolresultat från Kolada', period: 'År', noKolada: 'Kolada har inga uppgifter för skolenheten.', noSurvey: 'Inga enkätresultat ännu.',
    suppressed: { too_few: 'för få svar', complementary: 'dold (skyddar en cell med för få svar)' }, kstatus: { confidential: 'sekretess (..)', not_applicable: 'ej tillämplig (.)', missing: 'saknas (-)', ok: '' },
    note: (n: number) => `Celler med färre än ${n} svar visas inte, och inte heller celler som annars skulle avslöja dem. Intervall 95 %.`,
    printed: 'Utskriven', page: (p: number, n: number) => `Sida ${p} av ${n}`, significant: 'säkerställd', notSignificant: 'inte säkerställd', points: 'procentenheter', locale: 'sv-SE',
    gender: 'Kön', genders: { K: 'Flickor', M: 'Pojkar' },
  },
  en: {
    title: 'School profile', code: 'School unit code', survey: 'Survey results', school: 'The school', municipality: 'The municipality', county: 'The county', year: 'Year', change: 'The school’s change',
    kolada: 'School results from Kolada', period: 'Year', noKolada: 'Kolada has no figures for the school unit.', noSurvey: 'No survey results yet.',
    suppressed: { too_few: 'too few answers', complementary: 'hidden (protects a cell with too few answers)' }, kstatus: { confidential: 'confidential (..)', not_applicable: 'not applicable (.)', missing: 'missing (-)', ok: '' },
    note: (n: number) => `Cells with fewer than ${n} answers are not shown, nor are cells that would otherwise give them away. Intervals 95 %.`,
    printed: 'Printed', page: (p: number, n: number) => `Page ${p} of ${n}`, significant: 'significant', notSignificant: 'not significant', points: 'percentage points', locale: 'en-GB',
    gender: 'Gender', genders: { K: 'Girls', M: 'Boys' },
  },
} as const;

export type ProfileLanguage = keyof typeof words;

export function profileFileName(view: SchoolProfileView): string {
  return `skolprofil-${view.school.schoolUnitCode ?? view.school.unitId}-${view.generatedOn}.pdf`;
}

export async function schoolProfilePdf(view: SchoolProfileView, language: ProfileLanguage): Promise<Buffer> {
  const w = words[language];
  const pct = (v: number) => new Intl.NumberFormat(w.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  const num = (v: number) => new Intl.NumberFormat(w.locale, { maximumFractionDigits: 1 }).format(v);
  const cell = (s: ProfileShare) => (s.suppressed ? w.suppressed[s.reason] : `${pct(s.proportion)} (${pct(s.lower)}–${pct(s.upper)})`);
  const header = (cols: string[]) => cols.map((text) => ({ text, style: 'header' }));
  const survey = view.survey.flatMap((i) => [
    { text: language === 'sv' ? i.nameSv : i.nameEn, style: 'indicator' },
    {
      table: {
        headerRows: 1,
        widths: ['10%', '22%', '22%', '22%', '24%'],
        body: [
          header([w.year, w.school, w.municipality, w.county, w.change]),
          ...i.waves.map((r) => [String(r.year), cell(r.school), cell(r.municipality), cell(r.county), r.change ? `${r.change.difference > 0 ? '+' : ''}${num(r.change.difference * 100)} ${w.points} (${r.change.significant ? w.significant : w.notSignificant})` : '–']),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      table: {
        headerRows: 1,
        widths: ['10%', '15%', '25%', '25%', '25%'],
        body: [header([w.year, w.gender, w.school, w.municipality, w.county]), ...i.waves.flatMap((r) => r.genders.map((g) => [String(r.year), w.genders[g.gender], cell(g.school), cell(g.municipality), cell(g.county)]))],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 4, 0, 0],
    },
  ]);
  const kvalue = (v: { value: number | null; status: keyof typeof w.kstatus } | null) => (v === null ? '–' : v.value === null ? w.kstatus[v.status] : num(v.value));
  const kolada = view.kolada.flatMap((k) => [
    { text: `${k.title} (${k.kpi})`, style: 'indicator' },
    { table: { headerRows: 1, widths: ['20%', '40%', '40%'], body: [header([w.period, w.school, w.municipality]), ...k.years.map((y) => [String(y.period), kvalue(y.school), kvalue(y.municipality)])] }, layout: 'lightHorizontalLines' },
  ]);
  const heading = [view.school.organisation, view.school.schoolUnitCode ? `${w.code} ${view.school.schoolUnitCode}` : null].filter(Boolean).join(' · ');
  return renderPdf({
    info: { title: `${w.title}: ${view.school.name}`, creator: 'Samsyn', producer: 'Samsyn' },
    language: w.locale,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    footer: (page: number, pages: number) => ({ text: `${w.printed} ${view.generatedOn} · ${w.page(page, pages)}`, alignment: 'right', margin: [40, 12], fontSize: 8 }),
    content: [
      { text: `${w.title}: ${view.school.name}`, style: 'title' },
      { text: heading, margin: [0, 0, 0, 8] },
      { text: w.survey, style: 'section' },
      { text: w.note(view.threshold), fontSize: 8, margin: [0, 0, 0, 6] },
      ...(survey.length > 0 ? survey : [{ text: w.noSurvey }]),
      { text: w.kolada, style: 'section' },
      ...(kolada.length > 0 ? kolada : [{ text: w.noKolada }]),
    ],
    defaultStyle: { fontSize: 9 },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] }, section: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] }, indicator: { bold: true, margin: [0, 8, 0, 2] }, header: { bold: true } },
  });
}
