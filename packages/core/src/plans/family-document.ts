import type { PlanView, PlanRevisionRead, PlanPrincipal } from './schema.ts';
import { revisionWithContents } from './revisions.ts';
import type { WellbeingArea } from '../wellbeing/areas.ts';
import { activityStatus } from '../action-plans/activity-status.ts';
import { stockholmDate } from '../time/stockholm.ts';

/**
 * The plan as the family reads it on paper (issue 14, point 6): in plain words, what we want to
 * reach, who does what and when, the next follow-up and meeting, and whom to contact. Pure: the
 * server renders these sections as a PDF, and a test reads them back. It holds only what the caller's plan view
 * holds (the gate decided that), and never the child's name or address: the family knows whose
 * plan it is, and a printed page of a protected child must not say where she lives.
 */
export type FamilyDocumentLanguage = 'sv' | 'en';

const words = {
  sv: {
    kind: { sip: 'Samordnad individuell plan (SIP)', child_plan: 'Barnets plan' },
    inForceSince: (date: string) => `Planen gäller sedan ${date}.`,
    draft: 'Planen är ett utkast. Den gäller inte än.',
    closed: (date: string) => `Planen avslutades ${date}.`,
    proposed: 'Det finns en ändring av planen som väntar på ert godkännande. Den står inte här förrän ni har godkänt den.',
    goals: 'Det här vill vi nå',
    noGoals: 'Planen har inga mål än.',
    childWords: 'Med barnets egna ord',
    area: 'Handlar om',
    by: 'Klart senast',
    actions: 'Vem gör vad',
    noActions: 'Planen har inga insatser än.',
    columns: ['Vad', 'Vem', 'När', 'Läge'],
    status: { not_started: 'Har inte börjat', ongoing: 'Pågår', soon_late: 'Pågår, snart slut', late: 'Borde vara klar', on_hold: 'Pausad', closed: 'Klar' },
    views: 'Vad ni har sagt',
    childViews: 'Barnet',
    guardianViews: 'Vårdnadshavarna',
    nextFollowUp: 'Nästa uppföljning',
    noFollowUp: 'Inte bestämd än.',
    nextMeeting: 'Nästa möte',
    noMeeting: 'Inget möte är bokat än.',
    meetingAt: (date: string, time: string) => `${date} kl. ${time}`,
    meetingPlace: 'Plats',
    meetingLink: 'Ni kan också vara med på nätet',
    contact: 'Vem ni kan kontakta',
    lead: 'Den som samordnar planen',
    noLead: 'Ingen är utsedd än.',
    overall: 'Huvudansvar',
    principal: { municipality: 'Kommunen', region: 'Regionen' },
    madeOn: (date: string) => `Utskriven ${date}`,
    page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  },
  en: {
    kind: { sip: 'Coordinated individual plan (SIP)', child_plan: "The child's plan" },
    inForceSince: (date: string) => `The plan has been in force since ${date}.`,
    draft: 'The plan is a draft. It is not in force yet.',
    closed: (date: string) => `The plan was closed on ${date}.`,
    proposed: 'A change to the plan is waiting for your approval. It is not shown here until you have approved it.',
    goals: 'What we want to reach',
    noGoals: 'The plan has no goals yet.',
    childWords: "In the child's own words",
    area: 'About',
    by: 'Done by',
    actions: 'Who does what',
    noActions: 'The plan has no actions yet.',
    columns: ['What', 'Who', 'When', 'Where it stands'],
    status: { not_started: 'Not started', ongoing: 'Ongoing', soon_late: 'Ongoing, ending soon', late: 'Should be done', on_hold: 'Paused', closed: 'Done' },
    views: 'What you have said',
    childViews: 'The child',
    guardianViews: 'The guardians',
    nextFollowUp: 'Next follow-up',
    noFollowUp: 'Not decided yet.',
    nextMeeting: 'Next meeting',
    noMeeting: 'No meeting is booked yet.',
    meetingAt: (date: string, time: string) => `${date} at ${time}`,
    meetingPlace: 'Place',
    meetingLink: 'You can also take part online',
    contact: 'Whom you can contact',
    lead: 'The person who coordinates the plan',
    noLead: 'No one has been named yet.',
    overall: 'Overall responsibility',
    principal: { municipality: 'The municipality', region: 'The region' },
    madeOn: (date: string) => `Printed ${date}`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

export interface FamilyGoal {
  wording: string;
  childWords: string;
  area: string;
  by: string;
}

export interface FamilyDocument {
  title: string;
  kind: string;
  /** Where the plan stands, in a sentence; a second one when a change waits for the family. */
  standing: string[];
  goalsHeading: string;
  goals: FamilyGoal[];
  noGoals: string;
  labels: { childWords: string; area: string; by: string };
  actionsHeading: string;
  columns: readonly string[];
  /** One row per action: what, who (person and organisation), from–to, where it stands. */
  actions: [string, string, string, string][];
  noActions: string;
  viewsHeading: string;
  views: { who: string; text: string }[];
  nextFollowUpHeading: string;
  nextFollowUp: string;
  nextMeetingHeading: string;
  /** When the next meeting is, in Swedish time, then where and its link: one line each. */
  nextMeeting: string[];
  contactHeading: string;
  contact: { label: string; value: string }[];
  madeOn: string;
  page: (page: number, pages: number) => string;
}

/**
 * The revision the family reads: the one in force, or, before the plan is established, the draft
 * the team is preparing. A proposal is named but not printed as the plan: it is not in force.
 */
function revisionShown(plan: PlanView): PlanRevisionRead | undefined {
  return revisionWithContents(plan, plan.inForceRevision ?? plan.headRevision);
}

function standingOf(plan: PlanView, w: (typeof words)[FamilyDocumentLanguage]): string[] {
  const day = (iso: string | null) => (iso ?? '').slice(0, 10);
  const first = plan.status === 'closed' ? w.closed(day(plan.closedAt)) : plan.status === 'established' ? w.inForceSince(day(plan.establishedAt)) : w.draft;
  return plan.proposedRevision !== null && plan.status === 'established' ? [first, w.proposed] : [first];
}

/** The plan's next meeting as the family sees it: its time, place and digital link. */
export interface FamilyMeeting {
  startsAt: string;
  place: string;
  digitalLink: string;
}

const meetingClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

function meetingLines(meeting: FamilyMeeting | null, w: (typeof words)[FamilyDocumentLanguage]): string[] {
  if (!meeting) return [w.noMeeting];
  const at = new Date(meeting.startsAt);
  return [
    w.meetingAt(stockholmDate(at), meetingClock.format(at)),
    ...(meeting.place ? [`${w.meetingPlace}: ${meeting.place}`] : []),
    ...(meeting.digitalLink ? [`${w.meetingLink}: ${meeting.digitalLink}`] : []),
  ];
}

export function familyPlanDocument(plan: PlanView, options: { language: FamilyDocumentLanguage; today: string; areaLabel: (area: WellbeingArea) => string; nextMeeting?: FamilyMeeting | null }): FamilyDocument {
  const w = words[options.language];
  const revision = revisionShown(plan);
  const contents = revision?.contents;
  const principal = (p: PlanPrincipal | null) => (p ? w.principal[p] : null);
  const overall = principal(contents?.coordination.overallResponsibility ?? null);
  return {
    title: contents?.title ?? plan.title,
    kind: w.kind[plan.kind],
    standing: standingOf(plan, w),
    goalsHeading: w.goals,
    goals: (contents?.goals ?? []).map((g) => ({ wording: g.wording, childWords: g.childWords, area: options.areaLabel(g.area), by: g.targetDate })),
    noGoals: w.noGoals,
    labels: { childWords: w.childWords, area: w.area, by: w.by },
    actionsHeading: w.actions,
    columns: w.columns,
    actions: (contents?.actions ?? []).map((a) => [
      a.what,
      `${a.responsible}, ${a.organisationName}`,
      `${a.startsOn} – ${a.endsOn}`,
      w.status[activityStatus({ start: a.startsOn, end: a.endsOn, onHoldSince: a.onHoldSince, closedOn: a.closedOn }, options.today)],
    ]),
    noActions: w.noActions,
    viewsHeading: w.views,
    views: [
      { who: w.childViews, text: contents?.childViews ?? '' },
      { who: w.guardianViews, text: contents?.guardianViews ?? '' },
    ].filter((v) => v.text.length > 0),
    nextFollowUpHeading: w.nextFollowUp,
    nextFollowUp: contents?.nextFollowUpOn ?? plan.nextFollowUpOn ?? w.noFollowUp,
    nextMeetingHeading: w.nextMeeting,
    nextMeeting: meetingLines(options.nextMeeting ?? null, w),
    contactHeading: w.contact,
    contact: [{ label: w.lead, value: plan.planningLeadName ?? w.noLead }, ...(overall ? [{ label: w.overall, value: overall }] : [])],
    madeOn: w.madeOn(options.today),
    page: w.page,
  };
}
