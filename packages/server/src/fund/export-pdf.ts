import { socioEconomicCalculation, type ApplicationView, type SocioEconomicInput } from '@samsyn/core';
import { renderPdf } from '../pdf/render.ts';

/**
 * A project's socio-economic calculation as a PDF: the assumptions, the year table, the key
 * figures (NPV, break-even, payback) and the sensitivity table, in whole kronor as core computes.
 */

const words = {
  sv: { title: 'Socioekonomisk beräkning', year: 'År', cost: 'Insatsens kostnad', avoided: 'Undvikna kostnader', net: 'Netto', cumulative: 'Ackumulerat', present: 'Nuvärde netto', presentCumulative: 'Nuvärde ackumulerat', npv: 'Nettonuvärde', breakEven: 'Brytpunkt (personer)', payback: 'Återbetalningstid (år)', none: 'ingen', rate: 'Diskonteringsränta', people: 'Antagen effekt (personer)', sensitivity: 'Känslighet', effect: 'Effekt', items: 'Undvikna kostnader per person och år', sector: { municipality: 'Kommun', region: 'Region', state: 'Stat' } },
  en: { title: 'Socio-economic calculation', year: 'Year', cost: 'Intervention cost', avoided: 'Costs avoided', net: 'Net', cumulative: 'Cumulative', present: 'Present net', presentCumulative: 'Present cumulative', npv: 'Net present value', breakEven: 'Break-even (people)', payback: 'Payback (years)', none: 'none', rate: 'Discount rate', people: 'Assumed effect (people)', sensitivity: 'Sensitivity', effect: 'Effect', items: 'Costs avoided per person and year', sector: { municipality: 'Municipality', region: 'Region', state: 'State' } },
} as const;

const kr = (n: number, language: 'sv' | 'en') => `${new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB').format(n)} kr`;

export async function calculationPdf(application: ApplicationView, input: SocioEconomicInput, language: 'sv' | 'en'): Promise<Buffer> {
  const w = words[language];
  const r = socioEconomicCalculation(input);
  const k = (n: number) => kr(n, language);
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const header = (cells: string[]) => cells.map((text) => ({ text, bold: true, fillColor: '#dde6f0' }));
  const years = [header([w.year, w.cost, w.avoided, w.net, w.cumulative, w.present, w.presentCumulative]), ...r.years.map((y) => [String(y.year), k(y.interventionCost), k(y.avoided), k(y.net), k(y.cumulativeNet), k(y.presentNet), k(y.cumulativePresentNet)])];
  const sensitivity = [header([w.effect, w.people, w.npv, w.payback]), ...r.sensitivity.map((s) => [`${Math.round(s.effect * 100)} %`, String(s.peopleHelped), k(s.netPresentValue), s.paybackYears === null ? w.none : String(s.paybackYears)])];
  const items = [header([w.items, '', '', '']), ...input.costItems.map((i) => [i.label, w.sector[i.sector], k(i.perPersonPerYear), `${i.fromYear}–${i.fromYear + i.years - 1}`])];
  const doc = {
    info: { title: `${w.title}: ${application.title}`, creator: 'Samsyn', producer: 'Samsyn' },
    language: language === 'sv' ? 'sv-SE' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    content: [
      { text: w.title, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: application.title, fontSize: 12, margin: [0, 0, 0, 8] },
      { text: `${w.rate}: ${(input.discountRate * 100).toLocaleString(locale)} %. ${w.people}: ${input.peopleHelped}.` },
      { text: `${w.npv}: ${k(r.netPresentValue)}` },
      { text: `${w.breakEven}: ${r.breakEvenPeople === null ? w.none : `${r.breakEvenPeople.toLocaleString(locale)} (${r.breakEvenWholePeople})`}` },
      { text: `${w.payback}: ${r.paybackYears === null ? w.none : r.paybackYears}`, margin: [0, 0, 0, 8] },
      { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto'], body: items }, margin: [0, 0, 0, 8] },
      { table: { headerRows: 1, widths: ['auto', '*', '*', '*', '*', '*', '*'], body: years }, margin: [0, 0, 0, 8] },
      { text: w.sensitivity, bold: true, margin: [0, 0, 0, 4] },
      { table: { headerRows: 1, widths: ['auto', '*', '*', '*'], body: sensitivity } },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
  };
  return renderPdf(doc);
}
