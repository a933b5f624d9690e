import { createInstance, type TFunction } from 'i18next';
import type { ConsentView } from '@samsyn/core';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import sv from '../i18n/sv.json' with { type: 'json' };
import { consentSummary, recordedByText, type ConsentTerms } from './consentSummary.ts';

const translators: Record<'sv' | 'en', TFunction> = {} as Record<'sv' | 'en', TFunction>;

beforeAll(async () => {
  for (const language of ['sv', 'en'] as const) {
    const i18n = createInstance();
    await i18n.init({ resources: { [language]: { translation: language === 'sv' ? sv : en } }, lng: language, interpolation: { escapeValue: false } });
    translators[language] = i18n.t;
  }
});

const schoolAndHealth: ConsentTerms = {
  organisations: [],
  domains: [
    { name: 'Förskola och skola', organisationName: 'Exempelstads kommun', kind: 'education' },
    { name: 'Elevhälsans medicinska och psykologiska insats', organisationName: 'Exempelstads kommun', kind: 'student_health' },
  ],
  categories: ['health', 'wellbeing'],
  exclusions: [{ name: 'BUP Exempellän', categories: ['health'] }],
  validFrom: '2026-12-01',
  validTo: '2027-06-30',
};

describe('the plain-language summary of a consent', () => {
  it('says in Swedish who may share what with whom, until when, and what is left out', () => {
    expect(consentSummary(schoolAndHealth, translators.sv, 'sv')).toBe(
      'Skolan (Förskola och skola, Exempelstads kommun) och elevhälsan (Elevhälsans medicinska och psykologiska insats, Exempelstads kommun) får dela hälsa och välbefinnande med varandra från 2026-12-01 till och med 2027-06-30. Undantag: hälsa från BUP Exempellän.',
    );
  });

  it('says the same in English', () => {
    expect(consentSummary(schoolAndHealth, translators.en, 'en')).toBe(
      'The school (Förskola och skola, Exempelstads kommun) and student health (Elevhälsans medicinska och psykologiska insats, Exempelstads kommun) may share health and wellbeing with one another from 2026-12-01 up to and including 2027-06-30. Except: health from BUP Exempellän.',
    );
  });

  it('names whole organisations as every part of them, lists three parties, and an open end', () => {
    const terms: ConsentTerms = {
      organisations: [{ name: 'Exempelstads kommun' }, { name: 'Region Exempellän' }],
      domains: [{ name: 'Ungdomsgruppen', organisationName: 'Polisen' }],
      categories: ['plan'],
      exclusions: [],
      validFrom: '2026-12-01',
      validTo: null,
    };
    expect(consentSummary(terms, translators.sv, 'sv')).toBe(
      'Alla delar av Exempelstads kommun, alla delar av Region Exempellän och Ungdomsgruppen (Polisen) får dela plan med varandra från 2026-12-01 och tills vidare.',
    );
  });

  it('says that one secrecy domain alone shares with nobody, and says nothing before a party and information are chosen', () => {
    const lone: ConsentTerms = { ...schoolAndHealth, domains: schoolAndHealth.domains.slice(0, 1), exclusions: [] };
    expect(consentSummary(lone, translators.sv, 'sv')).toMatch(/^Skolan \(Förskola och skola, Exempelstads kommun\) är den enda som är vald\. Samtycket låter ingen annan/);
    expect(consentSummary({ ...schoolAndHealth, domains: [] }, translators.sv, 'sv')).toBeNull();
    expect(consentSummary({ ...schoolAndHealth, categories: [] }, translators.en, 'en')).toBeNull();
  });

  it('tells the family at once which professional recorded a consent for them, and whether they can withdraw it', () => {
    const consent = { recordedBy: { kind: 'professional', name: 'Sixten Socialsekreterare' }, method: 'written', mayWithdraw: true } as ConsentView;
    expect(recordedByText(consent, translators.sv, 'citizen')).toBe('Registrerat av Sixten Socialsekreterare åt er – ni kan återkalla det.');
    expect(recordedByText({ ...consent, mayWithdraw: false }, translators.sv, 'citizen')).toBe('Registrerat av Sixten Socialsekreterare åt er.');
    expect(recordedByText(consent, translators.en, 'citizen')).toBe('Recorded by Sixten Socialsekreterare on your behalf – you can withdraw it.');
    expect(recordedByText(consent, translators.sv, 'professional')).toBe('Registrerat av Sixten Socialsekreterare (skriftligt).');
    expect(recordedByText({ ...consent, recordedBy: { kind: 'guardian' }, method: 'digital' }, translators.sv, 'citizen')).toBe('Registrerat av en vårdnadshavare (digitalt).');
  });
});
