import { sql, type Expression, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { eventColumns, type SourceRow } from './columns.ts';

/**
 * The chronology's sources: one function per type of event, each a query of the child's own rows
 * in the area's table, shaped by `eventColumns`. The chronology is their UNION ALL, read in the same
 * statement as the gate's facts: derived on every read, never stored as a copy.
 *
 * To add a source: write `xEventsOf(db, childId)` in the area (its query, `eventColumns` for the
 * columns, an index on `(child_id, …)` so the read stays by the child whatever the county's size),
 * add the type to core's `chronologyEventTypes`, and add one line to `chronologySources` below.
 */
export type ChronologySource = (db: Kysely<DB>, childId: string) => Expression<SourceRow>;

/** An assessment on the wellbeing wheel: whose view, the model version, the areas and their ratings (no free text). */
export const wellbeingEventsOf: ChronologySource = (db, childId) =>
  db
    .selectFrom('wellbeing_assessment as a')
    .where('a.child_id', '=', childId)
    .select((eb) =>
      eventColumns({
        ...entryParts(eb.ref('a.id'), eb.ref('a.created_at'), eb.ref('a.occurred_on'), { organisationId: eb.ref('a.organisation_id'), unitId: eb.ref('a.unit_id'), secrecyDomainId: eb.ref('a.secrecy_domain_id') }),
        type: 'wellbeing',
        change: 'recorded',
        category: 'wellbeing',
        by: eb.ref('a.recorded_by'),
        // The areas and their ratings as two arrays: the path queries cost a fraction of a subquery per row.
        detail: sql`json_build_object('respondent', a.respondent, 'modelVersionId', a.model_version_id, 'areas', jsonb_path_query_array(a.answers, '$[*].area'), 'ratings', jsonb_path_query_array(a.answers, '$[*].rating'))`,
      }),
    );

/** A concern (oro): its level, source, areas and description, as the concerns list shows them. */
export const concernEventsOf: ChronologySource = (db, childId) =>
  db
    .selectFrom('concern as c')
    .where('c.child_id', '=', childId)
    .select((eb) =>
      eventColumns({
        ...entryParts(eb.ref('c.id'), eb.ref('c.created_at'), eb.ref('c.occurred_on'), { organisationId: eb.ref('c.organisation_id'), unitId: eb.ref('c.unit_id'), secrecyDomainId: eb.ref('c.secrecy_domain_id') }),
        type: 'concern',
        change: 'recorded',
        category: 'concern',
        by: eb.ref('c.author_id'),
        detail: sql`json_build_object('level', c.level, 'source', c.source, 'areas', c.areas, 'description', c.description)`,
      }),
    );

/** A record entry: its category (which the gate decides it as) and its title. */
export const recordEntryEventsOf: ChronologySource = (db, childId) =>
  db
    .selectFrom('record_entry as e')
    .where('e.child_id', '=', childId)
    .select((eb) =>
      eventColumns({
        ...entryParts(eb.ref('e.id'), eb.ref('e.created_at'), eb.ref('e.occurred_on'), { organisationId: eb.ref('e.organisation_id'), unitId: eb.ref('e.unit_id'), secrecyDomainId: eb.ref('e.secrecy_domain_id') }),
        type: 'record_entry',
        change: 'recorded',
        category: eb.ref('e.category'),
        by: eb.ref('e.author_id'),
        detail: sql`json_build_object('recordCategory', e.category, 'title', e.title)`,
      }),
    );

/**
 * A report of concern, with the intake it went to (the intake unit's domain when received) and
 * what intake may tell the reporter. Only its reporter and intake see it (see service.ts).
 */
export const reportEventsOf: ChronologySource = (db, childId) =>
  db
    .selectFrom('report_of_concern as r')
    .innerJoin('unit as iu', 'iu.id', 'r.intake_unit_id')
    .leftJoin('unit_secrecy_domain as ud', (j) => j.onRef('ud.unit_id', '=', 'r.intake_unit_id').onRef('ud.valid_from', '<=', 'r.received_at').on((eb) => eb.or([eb('ud.valid_to', 'is', null), eb('ud.valid_to', '>', eb.ref('r.received_at'))])))
    .where('r.child_id', '=', childId)
    .select((eb) =>
      eventColumns({
        id: eb.ref('r.id'),
        type: 'report_of_concern',
        change: 'sent',
        at: eb.ref('r.sent_at'),
        category: null,
        organisationId: eb.ref('r.intake_organisation_id'),
        unitId: eb.ref('r.intake_unit_id'),
        secrecyDomainId: eb.ref('ud.secrecy_domain_id'),
        writtenAt: eb.ref('r.received_at'),
        by: eb.ref('r.reporter_id'),
        reporterId: eb.ref('r.reporter_id'),
        intakeUnitId: eb.ref('r.intake_unit_id'),
        detail: sql`json_build_object('intakeName', iu.name, 'areas', r.areas, 'immediateDanger', r.immediate_danger, 'description', r.description,
          'feedback', coalesce((select s.outcome from report_step as s where s.report_id = r.id and s.step = 'initial_assessment'), 'received'))`,
      }),
    );

/** A member joining or leaving the team, in the domain their unit was in at that instant. */
const teamChangeOf =
  (change: 'joined' | 'left'): ChronologySource =>
  (db, childId) => {
    const at = change === 'joined' ? 'm.starts_at' : 'm.ends_at';
    const who = change === 'joined' ? 'm.added_by' : 'm.ended_by';
    let query = db
      .selectFrom('care_team_member as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .leftJoin('unit_secrecy_domain as ud', (j) => j.onRef('ud.unit_id', '=', 'm.unit_id').onRef('ud.valid_from', '<=', at).on((eb) => eb.or([eb('ud.valid_to', 'is', null), eb('ud.valid_to', '>', eb.ref(at))])))
      .where('m.child_id', '=', childId);
    if (change === 'left') query = query.where('m.ends_at', 'is not', null);
    return query.select((eb) =>
      eventColumns({
        id: sql`m.id::text || ${sql.lit(`:${change}`)}`,
        type: 'care_team',
        change,
        at: eb.ref(at),
        category: 'care_team',
        organisationId: eb.ref('m.organisation_id'),
        unitId: eb.ref('m.unit_id'),
        secrecyDomainId: eb.ref('ud.secrecy_domain_id'),
        by: eb.ref(who),
        detail: sql`json_build_object('memberName', u.display_name, 'role', m.role)`,
      }),
    );
  };
export const teamJoinedEventsOf = teamChangeOf('joined');
export const teamLeftEventsOf = teamChangeOf('left');

/** An accepted handover of the named person: from whom, to whom, at which life stage. */
export const handoverEventsOf: ChronologySource = (db, childId) =>
  db
    .selectFrom('named_person_handover as h')
    .innerJoin('app_user as t', 't.id', 'h.to_user_id')
    .leftJoin('app_user as f', 'f.id', 'h.from_user_id')
    .where('h.child_id', '=', childId)
    .where('h.accepted_at', 'is not', null)
    .select((eb) =>
      eventColumns({
        id: eb.ref('h.id'),
        type: 'care_team',
        change: 'handed_over',
        at: eb.ref('h.accepted_at'),
        category: 'care_team',
        organisationId: eb.ref('h.to_organisation_id'),
        by: eb.ref('h.to_user_id'),
        detail: sql`json_build_object('fromName', f.display_name, 'toName', t.display_name, 'lifeStage', h.life_stage)`,
      }),
    );

/**
 * A consent given, withdrawn or run out (the day after its last valid day, Stockholm). A consent
 * is the family's: it has no organisation or domain of its own. Who recorded or withdrew it is
 * named only when a professional did.
 */
const consentChangeOf =
  (change: 'given' | 'withdrawn' | 'lapsed'): ChronologySource =>
  (db, childId) => {
    const lapse = sql<Date>`((k.valid_to + 1)::timestamp at time zone 'Europe/Stockholm')`;
    let query = db.selectFrom('consent as k').where('k.child_id', '=', childId);
    if (change === 'withdrawn') query = query.where('k.withdrawn_at', 'is not', null);
    // A consent withdrawn before its end did not run out: its end is the withdrawal.
    if (change === 'lapsed') query = query.where('k.valid_to', 'is not', null).where((eb) => eb.or([eb('k.withdrawn_at', 'is', null), eb('k.withdrawn_at', '>=', lapse)]));
    return query.select((eb) =>
      eventColumns({
        id: sql`k.id::text || ${sql.lit(`:${change}`)}`,
        type: 'consent',
        change,
        ...(change === 'lapsed' ? { occurredOn: sql`k.valid_to + 1` } : {}),
        at: change === 'given' ? eb.ref('k.recorded_at') : change === 'withdrawn' ? eb.ref('k.withdrawn_at') : lapse,
        category: 'consent',
        ...(change === 'lapsed' ? {} : { by: eb.ref(change === 'withdrawn' ? 'k.withdrawn_by' : 'k.recorded_by') }),
        detail: sql`json_build_object('givenBy', k.given_by, 'categories', k.categories, 'validFrom', k.valid_from, 'validTo', k.valid_to)`,
      }),
    );
  };
export const consentGivenEventsOf = consentChangeOf('given');
export const consentWithdrawnEventsOf = consentChangeOf('withdrawn');
export const consentLapsedEventsOf = consentChangeOf('lapsed');

/**
 * A needs assessment made final: `recorded` the first time the assessment is final, `revised` for
 * each later final revision. A draft is no event, for anyone, in any domain: it is a work in progress,
 * not yet the organisation's statement (docs/needs-assessment.md), and the area itself shows drafts
 * only to the writer's domain. Decided as an entry of `wellbeing` by where and when the revision was
 * written, as the area's own list decides it. The summary and the five questions' text stay in the area.
 */
const needsAssessmentChangeOf =
  (change: 'recorded' | 'revised'): ChronologySource =>
  (db, childId) => {
    const earlierFinal = sql<boolean>`exists (select 1 from needs_assessment_version as p where p.assessment_id = r.assessment_id and p.status = 'final' and p.revision < r.revision)`;
    return db
      .selectFrom('needs_assessment_version as r')
      .where('r.child_id', '=', childId)
      .where('r.status', '=', 'final')
      .where(change === 'revised' ? earlierFinal : sql<boolean>`not ${earlierFinal}`)
      .select((eb) =>
        eventColumns({
          ...entryParts(eb.ref('r.id'), eb.ref('r.created_at'), eb.ref('r.occurred_on'), { organisationId: eb.ref('r.organisation_id'), unitId: eb.ref('r.unit_id'), secrecyDomainId: eb.ref('r.secrecy_domain_id') }),
          type: 'needs_assessment',
          change,
          category: 'wellbeing',
          by: eb.ref('r.author_id'),
          detail: sql`json_build_object('proposal', r.proposal, 'revision', r.revision)`,
        }),
      );
  };
export const needsAssessmentRecordedEventsOf = needsAssessmentChangeOf('recorded');
export const needsAssessmentRevisedEventsOf = needsAssessmentChangeOf('revised');

/** The sources, in no particular order (the chronology sorts). Adding one is one line here. */
export const chronologySources: readonly ChronologySource[] = [
  wellbeingEventsOf,
  concernEventsOf,
  recordEntryEventsOf,
  reportEventsOf,
  teamJoinedEventsOf,
  teamLeftEventsOf,
  handoverEventsOf,
  consentGivenEventsOf,
  consentWithdrawnEventsOf,
  consentLapsedEventsOf,
  needsAssessmentRecordedEventsOf,
  needsAssessmentRevisedEventsOf,
  // The child's plan (issue 14): its revisions and meetings, types 'plan' with changes 'revised' and 'meeting'.
];

type Part = Expression<unknown>;

/** The parts of an entry written in a domain: where, when it happened and when it was written. */
function entryParts(id: Part, createdAt: Part, occurredOn: Part, place: Record<'organisationId' | 'unitId' | 'secrecyDomainId', Part>) {
  return { id, at: createdAt, occurredOn, writtenAt: createdAt, ...place };
}
