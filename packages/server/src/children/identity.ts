/**
 * A child's identity data as the register keeps it: the administrator's view to correct it, the
 * correction itself, and the history of every change (corrections and register imports alike).
 * Every function here runs inside `withChildRegister` or the record's own gate.
 */
import type { Kysely, Transaction } from 'kysely';
import { formatIdentityNumber, type ChildIdentityView, type IdentityCorrectionInput, type IdentityField, type IdentityHistory } from '@samsyn/core';
import type { DB, IdentityChangeField } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { normalizePostalCode, parseOrRefuse } from './create.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function identityView(db: Db, childId: string): Promise<ChildIdentityView> {
  const row = await db
    .selectFrom('child as c')
    .innerJoin('organisation as home', 'home.id', 'c.home_organisation_id')
    .leftJoin('unit as school', 'school.id', 'c.school_unit_id')
    .select(['c.id', 'c.identity_number', 'c.birth_date', 'c.given_name', 'c.family_name', 'c.street_address', 'c.postal_code', 'c.city', 'c.protected_identity', 'home.id as home_id', 'home.name as home_name', 'school.id as school_id', 'school.name as school_name'])
    .where('c.id', '=', childId)
    .executeTakeFirstOrThrow();
  // The register's keeper corrects a protected identity without seeing it: the name and address stay hidden.
  const hidden = row.protected_identity !== null;
  return {
    id: row.id,
    identityNumber: formatIdentityNumber(row.identity_number),
    birthDate: row.birth_date,
    name: hidden ? null : { givenName: row.given_name, familyName: row.family_name },
    address: hidden ? null : { streetAddress: row.street_address, postalCode: row.postal_code, city: row.city },
    protectedIdentity: row.protected_identity,
    homeOrganisation: { id: row.home_id, name: row.home_name },
    school: row.school_id && row.school_name ? { id: row.school_id, name: row.school_name } : null,
  };
}

export interface IdentityChange {
  field: IdentityChangeField;
  oldValue: string | null;
  newValue: string | null;
}

/** Applies a correction and appends one history row per changed field; a correction that changes nothing is refused. */
export async function correctIdentity(trx: Transaction<DB>, childId: string, input: IdentityCorrectionInput, by: { userId: string; now: Date }): Promise<IdentityChange[]> {
  const current = await trx.selectFrom('child').selectAll().where('id', '=', childId).executeTakeFirstOrThrow();
  const changes: IdentityChange[] = [];
  const update: Record<string, unknown> = {};
  const compare = (field: IdentityChangeField, column: keyof typeof current, next: string | null | undefined) => {
    if (next === undefined) return;
    const old = current[column] as string | null;
    if ((old ?? null) === (next ?? null)) return;
    changes.push({ field, oldValue: old, newValue: next });
    update[column] = next;
  };
  if (input.identityNumber !== undefined) {
    const parsed = parseOrRefuse(input.identityNumber, 'body.identityNumber', by.now);
    if (parsed.normalized !== current.identity_number) {
      const taken = await trx.selectFrom('child').select('id').where('identity_number', '=', parsed.normalized).executeTakeFirst();
      if (taken) throw new AppError('child_exists', { details: { reason: 'child_exists' } });
      compare('identity_number', 'identity_number', parsed.normalized);
      Object.assign(update, { identity_kind: parsed.kind, birth_date: parsed.birthDate, sex: parsed.sex ?? current.sex });
    }
  }
  compare('given_name', 'given_name', input.givenName);
  compare('family_name', 'family_name', input.familyName);
  compare('protected_identity', 'protected_identity', input.protectedIdentity);
  compare('street_address', 'street_address', input.streetAddress);
  compare('postal_code', 'postal_code', input.postalCode === undefined ? undefined : normalizePostalCode(input.postalCode));
  compare('city', 'city', input.city);
  if (changes.length === 0) throw new AppError('validation_failed', { details: [{ path: 'body', message: 'nothing_changed' }] });
  await trx.updateTable('child').set({ ...update, updated_at: by.now }).where('id', '=', childId).execute();
  await appendIdentityChanges(trx, childId, changes, { source: 'correction', reason: input.reason, importId: null, ...by });
  return changes;
}

/** The history rows, appended only. */
export async function appendIdentityChanges(
  trx: Transaction<DB>,
  childId: string,
  changes: readonly IdentityChange[],
  how: { source: 'correction' | 'register_import'; reason: string; importId: string | null; userId: string; now: Date },
): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto('child_identity_change')
    .values(changes.map((c) => ({ child_id: childId, field: c.field, old_value: c.oldValue, new_value: c.newValue, source: how.source, reason: how.reason, register_import_id: how.importId, changed_by: how.userId, changed_at: how.now })))
    .execute();
}

const identifyingFields: ReadonlySet<IdentityField> = new Set(['given_name', 'family_name', 'street_address', 'postal_code', 'city', 'school_unit', 'guardian_added']);

/**
 * The history, newest first. With a protected identity the values that would identify or locate
 * the child are hidden unless `showProtected` (a team member who opened the record on purpose).
 */
export async function identityHistory(db: Db, childId: string, showProtected: boolean): Promise<IdentityHistory> {
  const [child, rows] = await Promise.all([
    db.selectFrom('child').select('protected_identity').where('id', '=', childId).executeTakeFirstOrThrow(),
    db
      .selectFrom('child_identity_change as h')
      .innerJoin('app_user as u', 'u.id', 'h.changed_by')
      .select(['h.id', 'h.field', 'h.old_value', 'h.new_value', 'h.source', 'h.reason', 'h.changed_at', 'u.display_name'])
      .where('h.child_id', '=', childId)
      .orderBy('h.changed_at', 'desc')
      .execute(),
  ]);
  const hide = child.protected_identity !== null && !showProtected;
  const unitNames = await schoolNames(db, rows.filter((r) => r.field === 'school_unit').flatMap((r) => [r.old_value, r.new_value]));
  return {
    changes: rows.map((r) => {
      const hidden = hide && identifyingFields.has(r.field);
      const shown = (v: string | null) => (hidden || v === null ? null : r.field === 'school_unit' ? (unitNames.get(v) ?? v) : r.field === 'identity_number' ? formatIdentityNumber(v) : v);
      return { id: r.id, field: r.field, oldValue: shown(r.old_value), newValue: shown(r.new_value), hidden, source: r.source, reason: r.reason, changedBy: r.display_name, changedAt: new Date(r.changed_at).toISOString() };
    }),
  };
}

/** School units are stored by id; the history names them. */
async function schoolNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((v): v is string => v !== null && /^[0-9a-f-]{36}$/i.test(v)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
