import type { ChronologyEvent } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { formatDate } from '../common/format.ts';

const list = (items: readonly string[]) => items.join(', ');

/** What happened, in the UI language: the event's type and change with the names it carries. */
export function eventText(e: ChronologyEvent, t: TFunction): string {
  const d = e.details;
  switch (e.type) {
    case 'wellbeing':
      return t('chronology.describe.wellbeing', { respondent: d.respondent ? t(`wellbeing.respondents.${d.respondent}`) : '' });
    case 'concern':
      return t('chronology.describe.concern', { level: d.level ? t(`concerns.levels.${d.level}`) : '', areas: list((d.areas ?? []).map((a) => t(`concerns.areas.${a}`))) });
    case 'record_entry':
      return t('chronology.describe.record_entry', { category: d.recordCategory ? t(`child.record.categories.${d.recordCategory}`) : '', title: d.title ?? '' });
    case 'report_of_concern':
      return t('chronology.describe.report_of_concern', { intake: d.intakeName ?? '' });
    case 'care_team':
      return teamText(e, t);
    case 'consent': {
      const categories = list((d.categories ?? []).map((c) => t(`child.record.categories.${c}`)));
      if (e.change === 'withdrawn') return t('chronology.describe.withdrawn', { categories });
      if (e.change === 'lapsed') return t('chronology.describe.lapsed', { categories });
      return t('chronology.describe.given', { categories });
    }
    case 'needs_assessment': {
      const proposal = d.proposal ? t(`needs.proposals.${d.proposal}`) : '';
      return t(e.change === 'revised' ? 'chronology.describe.needs_assessment_revised' : 'chronology.describe.needs_assessment', { proposal });
    }
    default:
      return t('chronology.describe.other', { type: t(`chronology.types.${e.type}`) });
  }
}

function teamText(e: ChronologyEvent, t: TFunction): string {
  const d = e.details;
  const role = d.role ? t(`careTeam.roles.${d.role}`) : '';
  if (e.change === 'handed_over') return d.fromName ? t('chronology.describe.handed_over', { from: d.fromName, to: d.toName ?? '' }) : t('chronology.describe.handed_over_first', { to: d.toName ?? '' });
  if (e.change === 'left') return t('chronology.describe.left', { name: d.memberName ?? '', role });
  return t('chronology.describe.joined', { name: d.memberName ?? '', role });
}

/** What more the event says: a concern's words, what intake may tell the reporter, the ratings, a consent's period. */
export function detailText(e: ChronologyEvent, t: TFunction): string {
  const d = e.details;
  if (e.type === 'concern') return d.description ?? '';
  if (e.type === 'report_of_concern') return d.feedback ? t(`reports.feedback.${d.feedback}`) : '';
  if (e.type === 'wellbeing') return list((d.areas ?? []).flatMap((a, i) => (d.ratings?.[i] === null || d.ratings?.[i] === undefined ? [] : [`${t(`concerns.areas.${a}`)} ${d.ratings[i]}`])));
  if (e.type === 'care_team' && d.lifeStage) return t('chronology.detail.lifeStage', { stage: t(`handovers.lifeStages.${d.lifeStage}`) });
  if (e.type === 'consent' && d.validFrom) {
    const period = d.validTo ? t('chronology.detail.period', { from: formatDate(d.validFrom), to: formatDate(d.validTo) }) : t('chronology.detail.periodOpen', { from: formatDate(d.validFrom) });
    return d.givenBy ? `${period} · ${t('chronology.detail.givenBy', { who: t(`consents.givers.${d.givenBy}`) })}` : period;
  }
  return '';
}
