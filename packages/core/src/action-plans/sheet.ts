import type { ActivityStatus } from './activity-status.ts';
import type { ActionPlanView } from './schema.ts';

/**
 * The familiar table an action plan is exported as (Excel and PDF): one row per activity, the
 * sub-goal's cell spanning its activities, in the four columns Delmål | Aktivitet, ansvarig |
 * Uppföljning | Kommunikationsplan. Words here are the export's own, in Swedish or English.
 */

export type SheetLanguage = 'sv' | 'en';

const words = {
  sv: {
    columns: ['Delmål', 'Aktivitet, ansvarig', 'Uppföljning', 'Kommunikationsplan'],
    responsible: 'Ansvarig',
    period: 'Tid',
    status: 'Status',
    indicators: 'Indikatorer',
    checkIns: 'Avstämningar',
    owner: 'Ägare',
    sharing: 'Delas med',
    overallGoal: 'Övergripande mål',
    planPeriod: 'Period',
    noActivities: 'Inga aktiviteter ännu',
    statuses: { not_started: 'Ej påbörjad', ongoing: 'Pågår', soon_late: 'Snart försenad', late: 'Försenad', on_hold: 'Pausad', closed: 'Avslutad' },
  },
  en: {
    columns: ['Sub-goal', 'Activity, responsible', 'Follow-up', 'Communication plan'],
    responsible: 'Responsible',
    period: 'Dates',
    status: 'Status',
    indicators: 'Indicators',
    checkIns: 'Check-ins',
    owner: 'Owner',
    sharing: 'Shared with',
    overallGoal: 'Overall goal',
    planPeriod: 'Period',
    noActivities: 'No activities yet',
    statuses: { not_started: 'Not started', ongoing: 'Ongoing', soon_late: 'Soon late', late: 'Late', on_hold: 'On hold', closed: 'Closed' },
  },
} as const satisfies Record<SheetLanguage, { statuses: Record<ActivityStatus, string> } & Record<string, unknown>>;

export function sheetWords(language: SheetLanguage) {
  return words[language];
}

export interface SheetRow {
  subGoal: string;
  /** How many rows the sub-goal's cell spans (on its first row; 0 on the rows it spans). */
  subGoalSpan: number;
  activity: string;
  followUp: string;
  communication: string;
  status: ActivityStatus | null;
}

/** The plan's heading lines, above the table. */
export function sheetHeading(plan: ActionPlanView, language: SheetLanguage): string[] {
  const w = words[language];
  return [
    `${w.owner}: ${plan.owner.organisation.name}${plan.sharing.length > 0 ? ` · ${w.sharing}: ${plan.sharing.map((o) => o.name).join(', ')}` : ''}`,
    `${w.planPeriod}: ${plan.periodStart} – ${plan.periodEnd}`,
    `${w.overallGoal}: ${plan.overallGoal}`,
  ];
}

export function sheetRows(plan: ActionPlanView, language: SheetLanguage): SheetRow[] {
  const w = words[language];
  const rows: SheetRow[] = [];
  for (const goal of plan.subGoals) {
    const subGoal = goal.description ? `${goal.title}\n${goal.description}` : goal.title;
    if (goal.activities.length === 0) {
      rows.push({ subGoal, subGoalSpan: 1, activity: w.noActivities, followUp: '', communication: '', status: null });
      continue;
    }
    goal.activities.forEach((a, i) => {
      const responsible = a.responsibleUser ? `${a.responsibleUser.displayName}, ${a.responsibleOrganisation.name}` : a.responsibleOrganisation.name;
      const activity = [a.title, `${w.responsible}: ${responsible}`, `${w.period}: ${a.startsOn} – ${a.endsOn}`, `${w.status}: ${w.statuses[a.status]}`].join('\n');
      const indicators = a.followUp.indicators.map((x) => (language === 'en' ? x.nameEn : x.nameSv));
      const followUp = [a.followUp.how, a.followUp.when, indicators.length > 0 ? `${w.indicators}: ${indicators.join(', ')}` : '', a.checkInDates.length > 0 ? `${w.checkIns}: ${a.checkInDates.join(', ')}` : '']
        .filter((s) => s !== '')
        .join('\n');
      const communication = a.communication.map((c) => `${c.audience} – ${c.channel} – ${c.when}`).join('\n');
      rows.push({ subGoal, subGoalSpan: i === 0 ? goal.activities.length : 0, activity, followUp, communication, status: a.status });
    });
  }
  return rows;
}
