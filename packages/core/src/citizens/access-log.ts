import type { AccessBasis } from '../children/schema.ts';
import { accessBases } from '../children/schema.ts';
import type { Language } from '../errors/messages.ts';
import { timeZone } from '../time/stockholm.ts';
import sv from './access-log.sv.json' with { type: 'json' };
import en from './access-log.en.json' with { type: 'json' };

/**
 * The access log in plain language: one audited look at a child's record, described for the
 * child and the guardians ("Tove Lärare (Exempelstads kommun) läste journalen 2026-11-23 14:05,
 * grund: samtycke"). Pure, so the web app and the extract describe an entry the same way.
 */

type Texts = typeof sv;
const texts: Record<Language, Texts> = { sv, en };

/** Who looked, as far as the reader may know: professionals by name, other citizens only by relation. */
export type AccessLogActor =
  | { kind: 'professional'; name: string; title: string | null; organisation: string | null }
  | { kind: 'guardian' | 'child' | 'system' | 'unknown' };

export interface AuditedLook {
  at: Date;
  action: string;
  category: string | null;
  basis: string | null;
  actor: AccessLogActor;
  /** For emergency access: the chosen legal ground's title in the reader's language. */
  legalGround?: string | null;
  /** The role a reviewer looked in (`unit_manager`, `collaboration_coordinator`), for a look of review. */
  reviewerRole?: string | null;
}

export interface DescribedLook {
  who: { kind: AccessLogActor['kind']; name: string; title: string | null; organisation: string | null };
  what: string;
  time: string;
  basis: AccessBasis | null;
  basisLabel: string;
  basisText: string;
  legalGround: string | null;
  text: string;
}

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** `2026-11-23 14:05`, in Stockholm time whatever the server's zone. */
export function formatStockholmDateTime(instant: Date): string {
  const p = Object.fromEntries(dateTimeFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const readVerbs = new Set(['read', 'list', 'view', 'search', 'extract']);

function whatText(t: Texts, action: string, category: string | null): string {
  const special = (t.actions as Record<string, string>)[action];
  if (special) return special;
  const verb = readVerbs.has(action.split('.').at(-1) ?? '') ? t.verbs.read : t.verbs.write;
  const object = (t.objects as Record<string, string>)[category ?? 'record'] ?? t.objects.record;
  return `${verb} ${object}`;
}

function asBasis(basis: string | null): AccessBasis | null {
  return (accessBases as readonly string[]).includes(basis ?? '') ? (basis as AccessBasis) : null;
}

/**
 * A reviewer is named by the role they looked in and why ("enhetschef, granskning av loggen"),
 * not by a job title that says nothing of why they looked.
 */
function reviewTitle(t: Texts, look: AuditedLook): string | null {
  const purpose = (t.reviewPurposes as Record<string, string>)[look.action];
  const role = (t.reviewerRoles as Record<string, string>)[look.reviewerRole ?? ''];
  if (!purpose || !role || (look.basis !== 'legal_duty' && look.basis !== null)) return null;
  return `${role}, ${purpose}`;
}

export function describeLook(look: AuditedLook, language: Language): DescribedLook {
  const t = texts[language];
  const basis = asBasis(look.basis);
  const who = look.actor.kind === 'professional'
    ? { kind: look.actor.kind, name: look.actor.name, title: reviewTitle(t, look) ?? look.actor.title, organisation: look.actor.organisation }
    : { kind: look.actor.kind, name: t.who[look.actor.kind], title: null, organisation: null };
  const what = whatText(t, look.action, look.category);
  const time = formatStockholmDateTime(look.at);
  const basisLabel = t.bases[basis ?? 'none'];
  const legalGround = look.legalGround ?? null;
  const whoText = who.organisation ? `${who.name} (${who.organisation})` : who.name;
  const text = `${whoText} ${what} ${time}, ${t.basisWord}: ${basisLabel}${legalGround ? ` (${t.legalGroundWord}: ${legalGround})` : ''}`;
  return { who, what, time, basis, basisLabel, basisText: t.basisTexts[basis ?? 'none'], legalGround, text };
}

/** The column headers of the log extract (registerutdrag) in the reader's language. */
export function accessLogCsvHeader(language: Language): string[] {
  return [...texts[language].csvHeader];
}

/** One row of the log extract, in the order of `accessLogCsvHeader`. */
export function accessLogCsvRow(d: DescribedLook): string[] {
  return [d.time, d.who.name, d.who.title ?? '', d.who.organisation ?? '', d.what, d.basisLabel, d.basisText, d.legalGround ?? ''];
}
