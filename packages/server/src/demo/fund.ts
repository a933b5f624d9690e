import type { Transaction } from 'kysely';
import { ImpactAssessmentAnswers, stockholmDate, type SocioEconomicInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { county } from './county.ts';
import { addDays } from './dates.ts';

/**
 * The demo's social-investment fund (issue 17): Region Exempellän's fund of 12 MSEK over four
 * years (3 MSEK a year), one call, 10 applications — 5 granted (one with conditions), 3 rejected
 * with reasons, 1 submitted and waiting for its decision, 1 draft — disbursements, three years
 * of follow-up reports with indicator values, and a socio-economic calculation on two projects.
 * Every date is relative to the seed day.
 */

export const demoFundName = 'Sociala investeringsfonden Exempellän';

/** The worked example of docs/socio-economic.md: the first project's calculation. */
export const workedExampleInput: SocioEconomicInput = {
  interventionCostPerYear: [1_200_000, 1_200_000, 1_200_000],
  peopleHelped: 10,
  discountRate: 0.035,
  costItems: [
    { label: 'Försörjningsstöd och socialtjänstens insatser', sector: 'municipality', perPersonPerYear: 80_000, fromYear: 3, years: 4 },
    { label: 'Psykiatrisk vård och primärvård', sector: 'region', perPersonPerYear: 30_000, fromYear: 4, years: 3 },
    { label: 'Aktivitetsersättning och uteblivna skatteintäkter', sector: 'state', perPersonPerYear: 120_000, fromYear: 4, years: 3 },
  ],
};

type Org = 'region' | 'municipality1' | 'municipality2' | 'partner2';
interface DemoApplication {
  title: string;
  org: Org;
  partners: Org[];
  ages: [number, number];
  target: string;
  intervention: string;
  effects: string;
  budget: [number, number];
  outcome?: 'granted' | 'granted_with_conditions' | 'rejected';
  reason?: string;
  conditions?: string;
  draft?: boolean;
  calculation?: SocioEconomicInput;
}

const applications: DemoApplication[] = [
  { title: 'Familjecentral med hembesök', org: 'municipality1', partners: ['region'], ages: [0, 5], target: 'Förstagångsföräldrar i Exempelstad', intervention: 'Utökade hembesök av BVC-sjuksköterska och socialsekreterare.', effects: 'Färre barn med insatser från socialtjänsten vid skolstart.', budget: [1_200_000, 1_200_000], outcome: 'granted', reason: 'Väl underbyggd insats med stöd i forskning och tydlig uppföljning.', calculation: workedExampleInput },
  { title: 'Läsfrämjande i förskoleklass', org: 'municipality2', partners: ['partner2'], ages: [5, 7], target: 'Barn i förskoleklass i Norrvik', intervention: 'Läsombud och språkstöd i förskoleklass och fritidshem.', effects: 'Fler elever läser i nivå med årskursen i årskurs 3.', budget: [800_000, 800_000], outcome: 'granted', reason: 'Insatsen svarar mot fondens mål om fullföljda studier.' },
  { title: 'Mentorer för unga med hög frånvaro', org: 'partner2', partners: ['municipality1'], ages: [12, 15], target: 'Elever i årskurs 6–9 med hög frånvaro', intervention: 'Ideella mentorer möter eleven varje vecka under ett läsår.', effects: 'Lägre frånvaro och fler behöriga till gymnasiet.', budget: [600_000, 600_000], outcome: 'granted_with_conditions', reason: 'Lovande insats; uppföljningen behöver stärkas.', conditions: 'Frånvaron ska följas upp per termin tillsammans med skolan.' },
  { title: 'Tidiga samordnade insatser i skolan', org: 'municipality1', partners: ['region', 'partner2'], ages: [6, 12], target: 'Elever i F–6 med tidiga tecken på svårigheter', intervention: 'Elevhälsa, socialtjänst och BUP i gemensamma team på skolan.', effects: 'Färre orosanmälningar och färre remisser till BUP.', budget: [1_000_000, 1_000_000], outcome: 'granted', reason: 'Stärker samverkan mellan huvudmännen kring tidiga insatser.', calculation: { interventionCostPerYear: [1_000_000, 1_000_000], peopleHelped: 8, discountRate: 0.035, costItems: [{ label: 'Försörjningsstöd', sector: 'municipality', perPersonPerYear: 90_000, fromYear: 3, years: 5 }, { label: 'Psykiatrisk vård', sector: 'region', perPersonPerYear: 40_000, fromYear: 2, years: 5 }] } },
  { title: 'Föräldrastöd i grupp', org: 'region', partners: ['municipality1', 'municipality2'], ages: [3, 12], target: 'Föräldrar till barn med utagerande beteende', intervention: 'Evidensbaserade föräldrastödsprogram i grupp.', effects: 'Färre barn med beteendeproblem enligt föräldrarnas skattning.', budget: [700_000, 700_000], outcome: 'granted', reason: 'Programmet har god evidens och når flera kommuner.' },
  { title: 'Ny fritidsgård', org: 'municipality2', partners: [], ages: [13, 18], target: 'Ungdomar i Norrvik', intervention: 'En ny lokal för fritidsgården.', effects: 'Fler unga har en meningsfull fritid.', budget: [2_500_000, 0], outcome: 'rejected', reason: 'Lokalkostnader ligger utanför fondens ändamål.' },
  { title: 'Digital plattform för elevhälsan', org: 'municipality1', partners: [], ages: [6, 15], target: 'Elevhälsans personal', intervention: 'Inköp av ett journalsystem.', effects: 'Effektivare dokumentation.', budget: [900_000, 300_000], outcome: 'rejected', reason: 'Ordinarie drift och systeminköp finansieras inte av fonden.' },
  { title: 'Sommarjobb för unga', org: 'partner2', partners: [], ages: [15, 18], target: 'Ungdomar 15–18 år', intervention: 'Feriejobb hos föreningar.', effects: 'Fler unga får arbetslivserfarenhet.', budget: [400_000, 400_000], outcome: 'rejected', reason: 'Insatsen är inte en tidig insats och saknar uppföljning mot fondens indikatorer.' },
  { title: 'Språkförskola för nyanlända', org: 'municipality1', partners: ['partner2'], ages: [1, 5], target: 'Nyanlända barn i förskoleåldern', intervention: 'Förstärkt språkstöd i förskolan med modersmålsstöd.', effects: 'Fler barn har ett utvecklat svenskt språk vid skolstart.', budget: [700_000, 700_000] },
  { title: 'Simskola för alla', org: 'municipality2', partners: [], ages: [6, 9], target: 'Elever i årskurs 1–3', intervention: 'Extra simundervisning.', effects: 'Fler elever är simkunniga.', budget: [200_000, 200_000], draft: true },
];

const answers = ImpactAssessmentAnswers.parse({
  affectedChildren: 'Barnen i projektets målgrupp och deras syskon.', viewsGathered: 'Samtal med elevråd och föräldrar.', consequences: 'Bättre stöd tidigt; risk att andra grupper får vänta.', alternatives: 'Att inte bevilja, eller en mindre insats.', conclusion: 'Beslutet är förenligt med barnets bästa.',
  principles: { best_interests: 'Stärker barnens skolgång.', non_discrimination: 'Alla barn i målgruppen erbjuds insatsen.', life_and_development: 'Främjar utveckling.', right_to_be_heard: 'Barnens synpunkter har inhämtats.' },
});

export async function seedFund(trx: Transaction<DB>, now: Date): Promise<void> {
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const orgId = async (name: string) => (await trx.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const orgs: Record<Org, string> = { region: await orgId(county.region.name), municipality1: await orgId(county.municipalities[0].name), municipality2: await orgId(county.municipalities[1].name), partner2: await orgId(county.partners[1].name) };
  const user = async (username: string) => (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const [manager, coordinator] = [await user('fundmanager'), await user('coordinator')];
  const indicators = (await trx.selectFrom('indicator').select('id').orderBy('id').limit(2).execute()).map((i) => i.id);
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);

  const { id: fundId } = await trx.insertInto('fund').values({ name: demoFundName, owner_organisation_id: orgs.region, description: 'Fonden finansierar tidiga insatser från spädbarnsår till årskurs 9 och följer i flera år om de lönar sig.', created_at: at(-1200), updated_at: at(-1200) }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('fund_budget_year').values([0, 1, 2, 3].map((i) => ({ fund_id: fundId, year: year - 3 + i, amount: 3_000_000 }))).execute();
  const { id: callId } = await trx.insertInto('fund_call').values({ fund_id: fundId, title: 'Utlysning tidiga insatser', description: 'Ansök om medel för tidiga, förebyggande insatser för barn 0–15 år.', opens_on: addDays(today, -1180), closes_on: addDays(today, -1100), created_at: at(-1180) }).returning('id').executeTakeFirstOrThrow();

  for (const [i, a] of applications.entries()) {
    const created = at(-1150 + i);
    const granted = a.outcome === 'granted' || a.outcome === 'granted_with_conditions';
    const status = a.draft ? 'draft' : (a.outcome ?? 'submitted');
    const { id } = await trx.insertInto('fund_application').values({
      call_id: callId, title: a.title, applicant_organisation_id: orgs[a.org], target_group: a.target, age_from: a.ages[0], age_to: a.ages[1], intervention: a.intervention, expected_effects: a.effects, status,
      project_start: granted ? addDays(today, -1060) : null, project_end: granted ? addDays(today, -330) : null, submitted_at: a.draft ? null : at(-1110), created_by: coordinator, created_at: created, updated_at: created,
    }).returning('id').executeTakeFirstOrThrow();
    if (a.partners.length > 0) await trx.insertInto('fund_application_partner').values(a.partners.map((p) => ({ application_id: id, organisation_id: orgs[p] }))).execute();
    // Decided applications ran from the fund's first year; the waiting ones ask for this year and next.
    const firstYear = a.outcome ? year - 3 : year;
    await trx.insertInto('fund_application_budget').values(a.budget.map((amount, k) => ({ application_id: id, year: firstYear + k, amount }))).execute();
    if (indicators.length > 0) await trx.insertInto('fund_application_indicator').values(indicators.map((indicator_id) => ({ application_id: id, indicator_id }))).execute();
    if (!a.outcome) continue;
    const assessed = granted ? { state: 'done' as const, not_needed_reason: null } : { state: 'not_needed' as const, not_needed_reason: 'Ansökan avslås på formella grunder; beslutet förändrar inget för barnen.' };
    await trx.insertInto('child_rights_assessment').values({ subject_kind: 'fund_application', subject_id: id, answers: JSON.stringify(answers), decided_by: manager, decided_at: at(-1090), created_by: manager, created_at: at(-1095), updated_at: at(-1090), ...assessed }).execute();
    await trx.insertInto('fund_decision').values({ application_id: id, outcome: a.outcome, reason: a.reason!, conditions: a.conditions ?? null, decided_by: manager, decided_at: at(-1080) }).execute();
    if (!granted) continue;
    await trx.insertInto('fund_disbursement').values(a.budget.map((amount, k) => ({ application_id: id, year: firstYear + k, amount, paid_on: addDays(today, -1060 + 365 * k), note: 'Utbetalning enligt beslut', recorded_by: manager, recorded_at: at(-1060 + 365 * k) }))).execute();
    // Three yearly reports, 366 days apart (so in three calendar years), the last in the follow-up after the project ended.
    await trx.insertInto('fund_report').values([0, 1, 2].map((k) => ({
      application_id: id, reported_on: addDays(today, -742 + 366 * k), summary: k < 2 ? `Lägesrapport år ${k + 1}: insatsen genomförs enligt plan.` : 'Uppföljning efter projektets slut: effekterna följs vidare.',
      indicator_values: JSON.stringify(indicators.map((indicatorId, n) => ({ indicatorId, period: String(year - 2 + k), value: 60 + n * 10 + k * 2 + i }))), reported_by: coordinator, created_at: at(-742 + 366 * k),
    }))).execute();
    if (a.calculation) await trx.insertInto('fund_calculation').values({ application_id: id, input: JSON.stringify(a.calculation), updated_by: manager, updated_at: at(-1000) }).execute();
  }
}
