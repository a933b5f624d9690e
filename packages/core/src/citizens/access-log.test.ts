import { describe, expect, it } from 'vitest';
import { accessLogCsvHeader, accessLogCsvRow, describeLook, formatStockholmDateTime } from './access-log.ts';

const teacher = { kind: 'professional' as const, name: 'Tove Lärare', title: 'Lärare', organisation: 'Exempelstads kommun' };
const at = new Date('2026-11-23T13:05:00Z');

describe('the access log in plain language', () => {
  it('says who read the record, when, and on what basis, in Swedish', () => {
    const d = describeLook({ at, action: 'child.record.read', category: 'record', basis: 'consent', actor: teacher }, 'sv');
    expect(d.text).toBe('Tove Lärare (Exempelstads kommun) läste journalen 2026-11-23 14:05, grund: samtycke');
    expect(d.basisText).toMatch(/samtycke/);
  });

  it('says the same in English', () => {
    const d = describeLook({ at, action: 'child.record.read', category: 'record', basis: 'consent', actor: teacher }, 'en');
    expect(d.text).toBe('Tove Lärare (Exempelstads kommun) read the record 2026-11-23 14:05, basis: consent');
  });

  it('names emergency access and its legal ground', () => {
    const d = describeLook({ at, action: 'child.emergency_access.open', category: 'record', basis: 'emergency', actor: teacher, legalGround: 'Fara för liv eller hälsa (nödåtkomst)' }, 'sv');
    expect(d.what).toBe('öppnade journalen med nödåtkomst');
    expect(d.text).toContain('grund: nödåtkomst (lagstöd: Fara för liv eller hälsa (nödåtkomst))');
  });

  it('describes other citizens by relation only, never by name', () => {
    const d = describeLook({ at, action: 'child.record.read', category: 'record', basis: 'own_record', actor: { kind: 'guardian' } }, 'sv');
    expect(d.who).toEqual({ kind: 'guardian', name: 'En vårdnadshavare', title: null, organisation: null });
  });

  it('describes an unknown action from its last word and its category', () => {
    expect(describeLook({ at, action: 'child.plan.read', category: 'plan', basis: 'consent', actor: teacher }, 'sv').what).toBe('läste planen');
    expect(describeLook({ at, action: 'consent.withdraw', category: 'consent', basis: 'own_record', actor: teacher }, 'en').what).toBe('changed the consents');
  });

  it('shows Stockholm time in summer and winter', () => {
    expect(formatStockholmDateTime(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01 12:00');
    expect(formatStockholmDateTime(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-02 00:30');
  });

  it('gives the extract a header and a row of the same length', () => {
    const d = describeLook({ at, action: 'child.record.read', category: 'record', basis: 'own_organisation', actor: teacher }, 'sv');
    expect(accessLogCsvRow(d)).toHaveLength(accessLogCsvHeader('sv').length);
    expect(accessLogCsvHeader('sv')[0]).toBe('Tid');
  });
});

describe('the access log names each action for what it did', () => {
  it('a disclosure is "registrerade en delning", a consent and a handover say theirs, in both languages', () => {
    const what = (action: string, language: 'sv' | 'en') => describeLook({ at, action, category: 'plan', basis: 'own_organisation', actor: teacher }, language).what;
    expect(what('child.disclosure.record', 'sv')).toBe('registrerade en delning');
    expect(what('child.disclosure.record', 'en')).toBe('recorded a disclosure');
    expect(what('child.consent.withdraw', 'sv')).toBe('återkallade ett samtycke');
    expect(what('child.handover.decline', 'sv')).toBe('tackade nej till en överlämning');
    expect(what('child.care_team.add', 'en')).toBe('added someone to the team');
    expect(what('child.register_extract', 'sv')).toBe('laddade ner ett registerutdrag');
  });

  it('names a reviewer by role and purpose, not by their job title', () => {
    const manager = { kind: 'professional' as const, name: 'Maja Rektor', title: 'Rektor', organisation: 'Exempelstads kommun' };
    const sv = describeLook({ at, action: 'child.log_review.search', category: 'access_log', basis: 'legal_duty', actor: manager, reviewerRole: 'unit_manager' }, 'sv');
    expect(sv.who.title).toBe('enhetschef, granskning av loggen');
    const en = describeLook({ at, action: 'child.emergency_access.review', category: 'access_log', basis: 'legal_duty', actor: manager, reviewerRole: 'collaboration_coordinator' }, 'en');
    expect(en.who.title).toBe('collaboration coordinator, reviewing an emergency access');
    // A team member's own read keeps their title.
    expect(describeLook({ at, action: 'child.record.read', category: 'record', basis: 'own_organisation', actor: manager, reviewerRole: 'unit_manager' }, 'sv').who.title).toBe('Rektor');
  });
});
