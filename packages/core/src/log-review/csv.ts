import { describeLook, formatStockholmDateTime } from '../citizens/access-log.ts';
import type { Language } from '../errors/messages.ts';
import type { LogReviewEntry, LogReviewFlag } from './schema.ts';

/**
 * The log review as CSV, worded as the page shows it: Stockholm time (`2026-11-23 14:05`),
 * the action in words, outcome, basis, category and flags as labels in the reader's language,
 * never raw codes.
 */
const texts = {
  sv: {
    header: ['Tid', 'Användare', 'Användarnamn', 'Barn-id', 'Personnummer', 'Händelse', 'Utfall', 'Grund', 'Kategori', 'Orsak', 'Markeringar'],
    outcomes: { success: 'Tillåten', denied: 'Nekad', failure: 'Misslyckad' },
    flags: { emergency_access: 'Nödåtkomst', protected_identity: 'Skyddad identitet', outlier: 'Avvikande antal', consent_recorded_by_professional: 'Samtycke registrerat av personal', password_reset_session: 'Lösenord återställt av administratör' },
    categories: { record: 'Journalen', care_team: 'Teamet', consent: 'Samtycken', access_log: 'Loggen', wellbeing: 'Välbefinnande', plan: 'Planen', concern: 'Oro', school: 'Skola', health: 'Hälsa', social_services: 'Socialtjänst' },
    protectedChild: 'Skyddad identitet',
    withheld: 'Inte ett barn du granskar',
  },
  en: {
    header: ['Time', 'User', 'Username', 'Child id', 'Identity number', 'Event', 'Outcome', 'Basis', 'Category', 'Reason', 'Flags'],
    outcomes: { success: 'Allowed', denied: 'Denied', failure: 'Failed' },
    flags: { emergency_access: 'Emergency access', protected_identity: 'Protected identity', outlier: 'Outlier', consent_recorded_by_professional: 'Consent recorded by staff', password_reset_session: 'Password reset by an administrator' },
    categories: { record: 'The record', care_team: 'The team', consent: 'Consents', access_log: 'The log', wellbeing: 'Wellbeing', plan: 'The plan', concern: 'Concerns', school: 'School', health: 'Health', social_services: 'Social services' },
    protectedChild: 'Protected identity',
    withheld: 'Not a child you review',
  },
} satisfies Record<Language, { header: string[]; outcomes: Record<LogReviewEntry['outcome'], string>; flags: Record<LogReviewFlag, string>; categories: Record<string, string>; protectedChild: string; withheld: string }>;

export function logReviewCsvHeader(language: Language): string[] {
  return [...texts[language].header];
}

export function logReviewCsvRow(e: LogReviewEntry, language: Language): string[] {
  const t = texts[language];
  const d = describeLook({ at: new Date(e.at), action: e.action, category: e.category, basis: e.basis, actor: { kind: 'unknown' } }, language);
  const child = e.child.id === null ? t.withheld : (e.child.identityNumber ?? (e.child.protectedIdentity ? t.protectedChild : ''));
  return [
    formatStockholmDateTime(new Date(e.at)),
    e.actor.name ?? '',
    e.actor.username ?? '',
    e.child.id ?? '',
    child,
    d.what,
    t.outcomes[e.outcome],
    d.basisLabel,
    e.category ? ((t.categories as Record<string, string>)[e.category] ?? e.category) : '',
    e.reason ?? '',
    e.flags.map((f) => t.flags[f]).join(', '),
  ];
}
