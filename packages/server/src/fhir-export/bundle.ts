import { revisionWithContents, type AssessmentView, type ChildView, type ConsentView, type PlanView } from '@samsyn/core';

/**
 * The child's shared data as FHIR R4 resources: pure mapping from the views the caller already
 * may see (the gate decided them), so the bundle never holds more than those views. A hidden
 * identity (protected, not opened on purpose) becomes a Patient with only an id and birth year;
 * a guardian whose details are hidden is left out.
 */
export type Resource = { resourceType: string; id: string } & Record<string, unknown>;

export interface ExportInput {
  child: ChildView;
  consents: ConsentView[];
  plans: PlanView[];
  assessments: AssessmentView[];
  exportedAt: string;
  exportedBy: string;
  /** Guardians with a protected identity: never in an export, whoever asks. */
  protectedGuardianIds: ReadonlySet<string>;
}

const system = 'urn:samsyn';
const ref = (r: Resource) => ({ reference: `${r.resourceType}/${r.id}` });

export function fhirBundle(input: ExportInput): Record<string, unknown> {
  const patient = toPatient(input.child);
  // A protected child's guardians would lead to where she lives: none of them is exported.
  const hidden = input.child.identityHidden || input.child.protectedIdentity !== null;
  const related = hidden ? [] : input.child.guardians.filter((g) => g.name !== null && !input.protectedGuardianIds.has(g.id)).map((g) => toRelated(g, patient));
  const team = toCareTeam(input.child, patient);
  const consents = input.consents.map((c) => toConsent(c, patient));
  const planResources = input.plans.flatMap((p) => toPlan(p, patient));
  const wheel = input.assessments.map((a) => toResponse(a, patient));
  const resources = [patient, ...related, team, ...consents, ...planResources, ...wheel];
  const provenance: Resource = {
    resourceType: 'Provenance',
    id: `provenance-${input.child.id}`,
    target: resources.map(ref),
    recorded: input.exportedAt,
    agent: [{ who: { display: input.exportedBy } }],
  };
  return {
    resourceType: 'Bundle',
    id: `export-${input.child.id}`,
    type: 'collection',
    timestamp: input.exportedAt,
    entry: [...resources, provenance].map((r) => ({ fullUrl: `${system}:${r.resourceType}/${r.id}`, resource: r })),
  };
}

function toPatient(child: ChildView): Resource {
  // A protected identity never leaves in an export, even to a member who opened the record.
  if (child.identityHidden || child.protectedIdentity !== null) return { resourceType: 'Patient', id: child.id, birthDate: child.birthDate.slice(0, 4) };
  return {
    resourceType: 'Patient',
    id: child.id,
    identifier: [{ system: 'http://electronichealth.se/identifier/personnummer', value: child.identityNumber.replace('-', '') }],
    name: child.name ? [{ family: child.name.familyName, given: [child.name.givenName] }] : undefined,
    birthDate: child.birthDate,
    address: child.address ? [{ line: [child.address.streetAddress], postalCode: child.address.postalCode, city: child.address.city }] : undefined,
  };
}

function toRelated(g: ChildView['guardians'][number], patient: Resource): Resource {
  return {
    resourceType: 'RelatedPerson',
    id: g.id,
    patient: ref(patient),
    relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD', display: 'guardian' }] }],
    name: g.name ? [{ family: g.name.familyName, given: [g.name.givenName] }] : undefined,
  };
}

function toCareTeam(child: ChildView, patient: Resource): Resource {
  return {
    resourceType: 'CareTeam',
    id: `team-${child.id}`,
    status: 'active',
    subject: ref(patient),
    participant: child.careTeam.map((m) => ({
      role: [{ text: m.role }],
      member: { display: m.displayName },
      onBehalfOf: { display: m.organisationName },
      period: { start: m.startsAt, ...(m.endsAt ? { end: m.endsAt } : {}) },
    })),
  };
}

function toConsent(c: ConsentView, patient: Resource): Resource {
  const status = c.status === 'in_force' ? 'active' : c.status === 'not_yet_valid' ? 'proposed' : 'inactive';
  return {
    resourceType: 'Consent',
    id: c.id,
    status,
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: ref(patient),
    dateTime: c.recordedAt,
    provision: {
      type: 'permit',
      period: { start: c.validFrom, ...(c.validTo ? { end: c.validTo } : {}) },
      actor: [...c.organisations.map((o) => o.name), ...c.domains.map((d) => d.name)].map((name) => ({ role: { text: 'party' }, reference: { display: name } })),
      class: c.categories.map((code) => ({ system: `${system}:category`, code })),
    },
  };
}

function toPlan(plan: PlanView, patient: Resource): Resource[] {
  const shown = revisionWithContents(plan, plan.inForceRevision ?? plan.headRevision);
  if (!shown) return [];
  const goals: Resource[] = shown.contents.goals.map((g) => ({
    resourceType: 'Goal',
    id: `${plan.id}-${g.id}`,
    lifecycleStatus: plan.closedAt ? 'completed' : 'active',
    ...(g.evaluation?.team ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: g.evaluation.team === 'reached' ? 'achieved' : g.evaluation.team === 'partly_reached' ? 'improving' : 'not-achieved' }] } } : {}),
    category: [{ coding: [{ system: `${system}:wellbeing-area`, code: g.area }] }],
    description: { text: g.wording },
    subject: ref(patient),
    target: [{ dueDate: g.targetDate }],
  }));
  const status = plan.closedAt ? 'completed' : plan.establishedAt ? 'active' : 'draft';
  const carePlan: Resource = {
    resourceType: 'CarePlan',
    id: plan.id,
    status,
    intent: 'plan',
    category: [{ coding: [{ system: `${system}:plan-kind`, code: plan.kind }] }],
    title: shown.contents.title,
    subject: ref(patient),
    created: plan.createdAt,
    goal: goals.map(ref),
    activity: shown.contents.actions.map((a) => ({
      detail: {
        status: a.closedOn ? 'completed' : a.onHoldSince ? 'on-hold' : 'in-progress',
        description: a.what,
        scheduledPeriod: { start: a.startsOn, ...(a.endsOn ? { end: a.endsOn } : {}) },
        performer: [{ display: `${a.responsible} (${a.organisationName})` }],
      },
    })),
  };
  return [carePlan, ...goals];
}

function toResponse(a: AssessmentView, patient: Resource): Resource {
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    status: 'completed',
    subject: ref(patient),
    authored: a.createdAt,
    // The family's own view is named by relation, never by name (a name can lead to a protected child).
    author: { display: a.respondent === 'child' || a.respondent === 'guardian' ? a.respondent : `${a.recordedBy} (${a.organisationName})` },
    item: a.answers.map((x) => ({ linkId: x.area, ...(x.rating !== null ? { answer: [{ valueInteger: x.rating }] } : {}) })),
  };
}
