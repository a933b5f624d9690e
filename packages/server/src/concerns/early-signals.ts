import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { earlySignalFires, type EarlySignalRule, type EarlySignalView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { decideEach } from '../access/gate.ts';
import { findChildRow } from '../children/queries.ts';
import { requireActor } from '../http/types.ts';
import { childrenAsNamedPerson, concernsCounted, earlySignalRules } from './queries.ts';

/** One child's early signal, before any gate: the child and the suggestion's code. */
export interface EarlySignal {
  childId: string;
  suggestion: EarlySignalView['suggestion'];
  proposals: EarlySignalView['proposals'];
}

const dayMs = 86_400_000;

/**
 * The early signals for a user: the children they are the current named person of on whom the
 * rule fires at `now` (the services' clock). It counts every concern about the child, those the
 * named person cannot read too, and returns one code per child, never which concerns, how many
 * or from where. It shows no child data and logs nothing: a list that shows a signal asks the
 * gate per child first (purpose `list`), as `listEarlySignals` does, and the start page will.
 */
export async function earlySignalsFor(db: Kysely<DB>, userId: string, options: { now: Date; rule?: EarlySignalRule }): Promise<EarlySignal[]> {
  const { now } = options;
  const children = await childrenAsNamedPerson(db, userId, now);
  if (children.length === 0) return [];
  const rules = await earlySignalRules(db);
  const ruleOf = (home: string) => options.rule ?? rules.byOrganisation.get(home) ?? rules.fallback;
  const widest = Math.max(...children.map((c) => ruleOf(c.home_organisation_id).windowDays));
  const counted = await concernsCounted(db, children.map((c) => c.id), new Date(now.getTime() - widest * dayMs));
  return children
    .filter((c) => {
      const concerns = counted.filter((k) => k.child_id === c.id).map((k) => ({ secrecyDomainId: k.secrecy_domain_id, recordedAt: new Date(k.created_at) }));
      return earlySignalFires(concerns, ruleOf(c.home_organisation_id), now);
    })
    .map((c) => ({ childId: c.id, suggestion: 'consider_consent_for_meeting' as const, proposals: ['call_meeting', 'start_plan'] as EarlySignalView['proposals'] }));
}

/**
 * The caller's early signals as the start page lists them: each child asked of the gate (read
 * the record, purpose `list`), one entry for the list naming each child; a signal shows only where it allows, with the
 * child's name unless the identity is protected.
 */
export async function listEarlySignals(request: FastifyRequest): Promise<EarlySignalView[]> {
  const { db, clock } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const signals = await earlySignalsFor(db, userId, { now: clock.now() });
  const answers = await decideEach(request, signals.map((s) => s.childId), 'read', 'record', { auditAction: 'child.early_signal.list', detailsFor: () => ({ earlySignal: true }) });
  const shown: EarlySignalView[] = [];
  for (const s of signals) {
    if (answers.get(s.childId)?.allow !== true) continue;
    const child = await findChildRow(db, s.childId);
    const childName = child && child.protected_identity === null ? { givenName: child.given_name, familyName: child.family_name } : null;
    shown.push({ ...s, childName });
  }
  return shown;
}
