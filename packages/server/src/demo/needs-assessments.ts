import type { Insertable, Transaction } from 'kysely';
import { emptyNeedsContent, stockholmDate, type NeedsProposal, type NeedsStoredContent, type SubAreaAnswer } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { ensureDefaultNeedsConfig } from '../needs-assessment/queries.ts';
import { Random } from './random.ts';

/**
 * Needs assessments in the demo county, dated from the services' clock at seeding:
 * - the demo child Ebba (login `child`): `teacher`'s, a draft made final two days later (45 days
 *   ago), `nurse`'s, final 12 days ago (the family's consent lets the municipality's domains share
 *   wellbeing, so each reads the other's), and `socialworker`'s draft, begun two days ago, which
 *   only social services read until it is final;
 * - her brother Olle: `nurse`'s, proposing a plan, which `teacher` cannot read (no consent);
 * - six other children of Exempelstad, by their named person, one of them revised.
 */

type Revision = Insertable<DB['needs_assessment_version']>;

const dayMs = 86_400_000;

interface Writer {
  userId: string;
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
}

interface Planned {
  childId: string;
  writer: Writer;
  revisions: { daysAgo: number; status: 'draft' | 'final'; content: NeedsStoredContent; summary: string; proposal: NeedsProposal | null }[];
}

export async function seedNeedsAssessments(trx: Transaction<DB>, now: Date, seed = 2013_3): Promise<number> {
  await ensureDefaultNeedsConfig(trx, now);
  const config = await trx.selectFrom('needs_assessment_config_version').select('id').where('version', '=', 1).executeTakeFirstOrThrow();
  const random = new Random(seed);
  const staff = await writersOf(trx, ['teacher', 'nurse', 'socialworker']);
  const ebba = await trx.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirstOrThrow();
  const olle = await trx.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow();

  const planned: Planned[] = [
    {
      childId: ebba.id,
      writer: staff.teacher,
      revisions: [
        { daysAgo: 47, status: 'draft', ...ebbaBySchool(false) },
        { daysAgo: 45, status: 'final', ...ebbaBySchool(true) },
      ],
    },
    { childId: ebba.id, writer: staff.nurse, revisions: [{ daysAgo: 12, status: 'final', ...ebbaByStudentHealth() }] },
    { childId: ebba.id, writer: staff.socialworker, revisions: [{ daysAgo: 2, status: 'draft', content: stored({ subAreas: [answer('family_history', 'Familjen har ett nätverk som ställer upp.', 'Föräldrarna har separerat under året.')] }), summary: '', proposal: null }] },
    { childId: olle.id, writer: staff.nurse, revisions: [{ daysAgo: 8, status: 'final', ...olleByStudentHealth() }] },
    ...(await othersOf(trx, now, [ebba.id, olle.id], random)),
  ];

  let count = 0;
  for (const p of planned) {
    const first = p.revisions[0]!;
    const assessment = await trx
      .insertInto('needs_assessment')
      .values({ child_id: p.childId, organisation_id: p.writer.organisationId, secrecy_domain_id: p.writer.secrecyDomainId, created_by: p.writer.userId, created_at: ago(now, first.daysAgo) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows: Revision[] = p.revisions.map((r, i) => ({
      assessment_id: assessment.id,
      child_id: p.childId,
      revision: i + 1,
      status: r.status,
      config_version_id: config.id,
      occurred_on: stockholmDate(ago(now, first.daysAgo)),
      content: JSON.stringify(r.content),
      summary: r.summary,
      proposal: r.proposal,
      organisation_id: p.writer.organisationId,
      unit_id: p.writer.unitId,
      secrecy_domain_id: p.writer.secrecyDomainId,
      author_id: p.writer.userId,
      created_at: ago(now, r.daysAgo),
    }));
    await trx.insertInto('needs_assessment_version').values(rows).execute();
    count += 1;
  }
  return count;
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * dayMs);
const answer = (code: string, strengths: string, challenges: string): SubAreaAnswer => ({ code, strengths, challenges });

function stored(parts: Partial<NeedsStoredContent>): NeedsStoredContent {
  const empty = emptyNeedsContent('2000-01-01');
  return { subAreas: parts.subAreas ?? [], matrix: { ...empty.matrix, ...parts.matrix }, questions: { ...empty.questions, ...parts.questions } };
}

function ebbaBySchool(final: boolean) {
  const content = stored({
    subAreas: [
      answer('learning', 'Stark i svenska och engelska; tar ansvar för sina uppgifter.', 'Frånvaron har ökat, främst på måndagar.'),
      answer('emotions_behaviour', '', 'Verkar trött och orolig under lektionerna.'),
      answer('relationships', 'Har två nära vänner i klassen.', ''),
      answer('stability', '', 'Flyttar mellan föräldrarna varannan vecka sedan i våras.'),
    ],
    matrix: {
      resilience_protective: { text: 'Goda vänner och en mentor hon litar på.', factors: ['relationships', 'learning'] },
      resilience_adverse: { text: '', factors: [] },
      vulnerability_protective: { text: '', factors: [] },
      vulnerability_adverse: { text: 'Oro och trötthet när boendet växlar.', factors: ['stability', 'emotions_behaviour'] },
    },
    questions: {
      obstacles: 'Trötthet och frånvaro som hänger ihop med förändringarna hemma.',
      information: final ? 'Elevhälsan behöver vara med; skolsköterskan har träffat Ebba.' : '',
      my_action: 'Samtal med Ebba varje vecka och anpassad planering av prov.',
      organisation_action: final ? 'Elevhälsoteamet tar upp frånvaron.' : '',
      others_help: final ? 'Familjen och elevhälsan behövs i ett gemensamt möte.' : '',
    },
  });
  return final
    ? { content, summary: 'Ebba har goda förutsättningar i skolan men påverkas av förändringarna hemma. Ett möte med familjen och elevhälsan behövs.', proposal: 'call_meeting' as const }
    : { content, summary: '', proposal: null };
}

function ebbaByStudentHealth() {
  return {
    content: stored({
      subAreas: [answer('health', 'Tar själv kontakt med skolsköterskan.', 'Hoppar ofta över frukost och lunch.'), answer('basic_care', 'Föräldrarna svarar när skolan hör av sig.', '')],
      matrix: { vulnerability_adverse: { text: 'Äter för lite och sover dåligt.', factors: ['health'] } } as NeedsStoredContent['matrix'],
      questions: { obstacles: 'Måltiderna och sömnen.', my_action: 'Hälsosamtal var fjärde vecka.', organisation_action: 'Skolmåltiden anpassas.' } as NeedsStoredContent['questions'],
    }),
    summary: 'Ebba behöver stöd med måltider och sömn nu; skolsköterskan följer upp.',
    proposal: 'act_now' as const,
  };
}

function olleByStudentHealth() {
  return {
    content: stored({
      subAreas: [answer('safety', '', 'Blåmärken på armarna som han inte vill förklara.'), answer('emotional_warmth', 'Knuten till sin storasyster.', '')],
      questions: { obstacles: 'Olle verkar inte trygg hemma.', others_help: 'Socialtjänsten och skolan behöver en gemensam plan.' } as NeedsStoredContent['questions'],
    }),
    summary: 'Olle behöver en samordnad plan med socialtjänsten och skolan.',
    proposal: 'start_plan' as const,
  };
}

const pool: readonly { code: string; strengths: string; challenges: string }[] = [
  { code: 'health', strengths: 'Är sällan sjuk och rör sig mycket.', challenges: 'Ont i magen flera morgnar i veckan.' },
  { code: 'learning', strengths: 'Nyfiken och gillar matte.', challenges: 'Behöver stöd i läsning.' },
  { code: 'relationships', strengths: 'Har en nära vän i klassen.', challenges: 'Ofta ensam på rasterna.' },
  { code: 'self_care', strengths: 'Klarar tider och kläder själv.', challenges: 'Glömmer ofta saker hemma.' },
  { code: 'stimulation', strengths: 'Föräldrarna läser med barnet.', challenges: 'Lite hjälp med läxor hemma.' },
  { code: 'housing', strengths: 'Bor nära skolan.', challenges: 'Trångt boende.' },
  { code: 'community_resources', strengths: 'Går på fritids och i en förening.', challenges: 'Långt till fritidsaktiviteter.' },
];
const summaries: Record<NeedsProposal, string> = {
  act_now: 'Stödet ges i den egna verksamheten nu och följs upp om en månad.',
  call_meeting: 'Ett möte med familjen och de andra verksamheterna behövs.',
  start_plan: 'Flera verksamheter behöver göra något: en samordnad plan startas.',
};

/** Six children of Exempelstad with a team of two or more, by identity number, each assessed by their named person. */
async function othersOf(trx: Transaction<DB>, now: Date, skip: readonly string[], random: Random): Promise<Planned[]> {
  const exempelstad = await trx.selectFrom('organisation').select('id').where('kind', '=', 'municipality').orderBy('municipality_code').executeTakeFirstOrThrow();
  const named = await trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'm.unit_id').on('d.valid_to', 'is', null))
    .select(['m.child_id', 'm.user_id', 'm.organisation_id', 'm.unit_id', 'm.starts_at', 'd.secrecy_domain_id'])
    .where('m.role', '=', 'named_person')
    .where('m.starts_at', '<', ago(now, 60))
    .where('m.ends_at', 'is', null)
    .where('m.organisation_id', '=', exempelstad.id)
    .where('c.protected_identity', 'is', null)
    .where('m.child_id', 'not in', [...skip])
    .where((eb) => eb(eb.selectFrom('care_team_member as o').select((x) => x.fn.countAll().as('n')).whereRef('o.child_id', '=', 'm.child_id').where('o.ends_at', 'is', null), '>=', 2))
    .orderBy('c.identity_number')
    .limit(6)
    .execute();
  return named.map((m, i) => {
    const proposal = (['act_now', 'call_meeting', 'start_plan'] as const)[i % 3]!;
    const chosen = pool.filter(() => random.next() < 0.5).slice(0, 3);
    const subAreas = (chosen.length > 0 ? chosen : pool.slice(0, 2)).map((p) => answer(p.code, p.strengths, random.next() < 0.7 ? p.challenges : ''));
    const content = stored({ subAreas, questions: { obstacles: subAreas.map((s) => s.challenges).filter(Boolean).join(' ') } as NeedsStoredContent['questions'] });
    // Written while the named person was on the team.
    const onTeam = Math.floor((now.getTime() - new Date(m.starts_at).getTime()) / dayMs);
    const daysAgo = Math.min(30 + random.int(10, 300), onTeam - 1);
    const writer = { userId: m.user_id, organisationId: m.organisation_id, unitId: m.unit_id, secrecyDomainId: m.secrecy_domain_id };
    const first = { daysAgo, status: 'final' as const, content, summary: summaries[proposal], proposal };
    // One is revised a month later: the first final revision stays as it was.
    const revisions = i === 1 ? [first, { ...first, daysAgo: daysAgo - 30, summary: `${summaries.start_plan} Mötet visade att fler behöver vara med.`, proposal: 'start_plan' as const }] : [first];
    return { childId: m.child_id, writer, revisions };
  });
}

async function writersOf<K extends string>(trx: Transaction<DB>, usernames: readonly K[]): Promise<Record<K, Writer>> {
  const rows = await trx
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'r.unit_id').on('d.valid_to', 'is', null))
    .select(['u.username', 'r.user_id', 'r.organisation_id', 'r.unit_id', 'd.secrecy_domain_id'])
    .where('u.username', 'in', usernames)
    .where('r.role', '=', 'professional')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.username, { userId: r.user_id, organisationId: r.organisation_id, unitId: r.unit_id, secrecyDomainId: r.secrecy_domain_id }])) as Record<K, Writer>;
}
