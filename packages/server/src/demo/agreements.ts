import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';
import { county } from './county.ts';
import { Random } from './random.ts';

/**
 * The demo's agreements, joint placements and training (issue 16, point 5), dated from the
 * seed's clock: four agreements, the Västbus guidelines due for revision in 30 days; four joint
 * placements by case reference with their split and yearly amounts; training records for every
 * unit of Exempelstad and the region, some below the target. Runs after seedWorkspaces (which adds
 * `samordnare.region`).
 */
export async function seedAgreements(trx: Transaction<DB>, now: Date): Promise<void> {
  const today = demoDay(now);
  const orgs = await trx.selectFrom('organisation').select(['id', 'name', 'kind']).execute();
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  const region = org(county.region.name);
  const [m1, m2] = county.municipalities.map((m) => org(m.name));
  const municipalities = orgs.filter((o) => o.kind === 'municipality').map((o) => o.id);
  const fristad = orgs.find((o) => o.name === 'Föreningen Fristad')!.id;
  const user = async (username: string) => (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const [coordinator, regional, norrvik] = await Promise.all(['coordinator', 'samordnare.region', 'samordnare.norrvik'].map(user)) as [string, string, string];
  const agreements = [
    { title: 'Västbus – gemensamma riktlinjer för barn och unga med behov av samordnat stöd', kind: 'guideline' as const, parties: [region, ...municipalities], owners: [regional, coordinator], from: -700, due: 30, versions: [[-700, 'Riktlinjerna antagna av region och kommuner.'], [-330, 'Reviderade efter uppföljningen: SIP inom fyra veckor.']] },
    { title: 'Överenskommelse om gemensamma placeringar utanför hemmet', kind: 'agreement' as const, parties: [region, m1!, m2!], owners: [regional], from: -400, due: 300, versions: [[-400, 'Kostnadsfördelning per placering, beslut i samrådsgrupp.']] },
    { title: 'Rutin för samordnad individuell plan (SIP)', kind: 'routine' as const, parties: [region, m1!], owners: [coordinator], from: -200, due: 165, versions: [[-200, 'Rutin för kallelse, plan och uppföljning.']] },
    { title: 'Samverkansöverenskommelse med Föreningen Fristad', kind: 'agreement' as const, parties: [m1!, fristad], owners: [coordinator, norrvik], from: -90, due: 640, versions: [[-90, 'Stödgrupper för barn i familjer med missbruk.']] },
  ];
  const ids: string[] = [];
  for (const a of agreements) {
    const created = new Date(now.getTime() + a.from * 86_400_000);
    const { id } = await trx.insertInto('agreement').values({ title: a.title, kind: a.kind, description: '', valid_from: addDays(today, a.from), valid_until: null, revision_due_on: addDays(today, a.due), remind_days: 60, created_by: a.owners[0]!, created_at: created, updated_at: created }).returning('id').executeTakeFirstOrThrow();
    ids.push(id);
    await trx.insertInto('agreement_party').values(a.parties.map((o) => ({ agreement_id: id, organisation_id: o }))).execute();
    await trx.insertInto('agreement_owner').values(a.owners.map((u) => ({ agreement_id: id, user_id: u }))).execute();
    await trx.insertInto('agreement_version').values(a.versions.map(([days, summary], i) => ({ agreement_id: id, version: i + 1, summary: summary as string, content: '', decided_on: addDays(today, days as number), recorded_by: a.owners[0]!, recorded_at: new Date(now.getTime() + (days as number) * 86_400_000) }))).execute();
  }
  await seedPlacements(trx, now, { region, m1: m1!, m2: m2!, agreementId: ids[1]!, by: regional });
  await seedTraining(trx, now, [region, m1!], coordinator);
}

async function seedPlacements(trx: Transaction<DB>, now: Date, p: { region: string; m1: string; m2: string; agreementId: string; by: string }): Promise<void> {
  const today = demoDay(now);
  const year = Number(today.slice(0, 4));
  const placements = [
    { ref: `SN ${year - 1}/0412`, municipality: p.m1, share: 50, from: -500, costs: [[year - 1, 1_240_000], [year, 980_000]] },
    { ref: `SN ${year - 1}/0977`, municipality: p.m1, share: 40, from: -300, costs: [[year - 1, 620_000], [year, 1_100_000]] },
    { ref: `SN ${year}/0153`, municipality: p.m1, share: 30, from: -90, costs: [[year, 410_500.5]] },
    { ref: `IFO ${year - 1}-88`, municipality: p.m2, share: 50, from: -400, costs: [[year - 1, 760_000], [year, 812_000]] },
  ];
  for (const x of placements) {
    const { id } = await trx.insertInto('joint_placement').values({ case_reference: x.ref, region_id: p.region, municipality_id: x.municipality, region_share_percent: x.share, starts_on: addDays(today, x.from), ends_on: null, agreement_id: p.agreementId, created_by: p.by, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('joint_placement_cost').values(x.costs.map(([y, amount]) => ({ placement_id: id, year: y!, amount: amount! }))).execute();
  }
}

/** Every unit of the given organisations counts its staff and who completed each course; a seeded share, some below target. */
async function seedTraining(trx: Transaction<DB>, now: Date, organisationIds: string[], by: string): Promise<void> {
  const random = new Random(16);
  const units = await trx.selectFrom('unit').select('id').where('organisation_id', 'in', organisationIds).orderBy('name').execute();
  const rows = units.flatMap((u, i) => ['child_rights', 'coordinated_plan'].map((course) => {
    const staff = 8 + Math.floor(random.next() * 30);
    // Every third unit lags behind on the course on children's rights.
    const share = course === 'child_rights' && i % 3 === 0 ? 0.4 + random.next() * 0.3 : 0.8 + random.next() * 0.2;
    return { unit_id: u.id, course_id: course, staff_count: staff, completed_count: Math.min(staff, Math.round(staff * share)), recorded_on: addDays(demoDay(now), -Math.floor(random.next() * 60)), recorded_by: by };
  }));
  if (rows.length > 0) await trx.insertInto('training_record').values(rows).execute();
}
