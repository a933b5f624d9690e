import type { ConsentView, InfoCategory, Language, SecrecyDomainDirectoryEntry, SecrecyDomainKind } from '@samsyn/core';
import type { TFunction } from 'i18next';

/**
 * The one place that says in plain words what a consent allows: who may share what with whom,
 * from when and until when, and what is left out. The professional's form, the consent list and
 * the citizens' pages all use it, so the family and the team read the same sentence.
 */

/** A secrecy domain as a party; with its kind the sentence says "the school (…)" in plain words. */
export interface DomainParty {
  name: string;
  organisationName: string;
  kind?: SecrecyDomainKind | undefined;
}

/** What a consent covers, with names resolved: from a saved consent or from a form being filled in. */
export interface ConsentTerms {
  organisations: readonly { name: string }[];
  domains: readonly DomainParty[];
  categories: readonly InfoCategory[];
  exclusions: readonly { name: string; categories: readonly InfoCategory[] }[];
  validFrom: string;
  validTo: string | null;
}

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "a, b och c" / "a, b and c". */
export function listText(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(items);
}

function capitalise(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(locales[language]) + text.slice(1);
}

/** "hälsa och välbefinnande": the categories as words inside a sentence. */
export function categoriesText(categories: readonly InfoCategory[], t: TFunction, language: Language): string {
  return listText(categories.map((c) => t(`child.record.categories.${c}`).toLocaleLowerCase(locales[language])), language);
}

/** "skolan (Förskola och skola, Exempelstads kommun)"; a domain of no plain kind by its own name. */
export function domainPartyText(domain: DomainParty, t: TFunction): string {
  const plain = domain.kind && domain.kind !== 'other' ? t(`consentParties.kindWords.${domain.kind}`) : null;
  return plain
    ? t('consentParties.summary.domainWithKind', { plain, domain: domain.name, organisation: domain.organisationName })
    : t('consentParties.summary.domain', { domain: domain.name, organisation: domain.organisationName });
}

/** Every party as words, whole organisations first. */
export function partyTexts(terms: Pick<ConsentTerms, 'organisations' | 'domains'>, t: TFunction): string[] {
  return [
    ...terms.organisations.map((o) => t('consentParties.summary.organisation', { organisation: o.name })),
    ...terms.domains.map((d) => domainPartyText(d, t)),
  ];
}

/** "från 2026-12-01 till och med 2027-06-30" (the end date is inclusive), or "… och tills vidare". */
export function periodText(validFrom: string, validTo: string | null, t: TFunction): string {
  return validTo ? t('consentParties.summary.periodRange', { from: validFrom, to: validTo }) : t('consentParties.summary.periodOpen', { from: validFrom });
}

/**
 * The whole sentence, e.g. "Skolan (Förskola och skola, Exempelstads kommun) och elevhälsan (…)
 * får dela hälsa och välbefinnande med varandra från 2026-12-01 till och med 2027-06-30.
 * Undantag: hälsa från BUP Exempellän." Null while the terms name no party or no information.
 */
export function consentSummary(terms: ConsentTerms, t: TFunction, language: Language): string | null {
  const parties = partyTexts(terms, t);
  if (parties.length === 0 || terms.categories.length === 0) return null;
  const categories = categoriesText(terms.categories, t, language);
  const period = periodText(terms.validFrom, terms.validTo, t);
  // One domain alone shares with nobody: reading inside a domain needs no consent.
  const lone = terms.organisations.length === 0 && terms.domains.length === 1;
  const main = lone
    ? t('consentParties.summary.lone', { party: parties[0], categories, period })
    : t('consentParties.summary.sentence', { parties: listText(parties, language), categories, period });
  const exclusions = terms.exclusions.filter((x) => x.name && x.categories.length > 0);
  const except = exclusions.length === 0
    ? ''
    : ` ${t('consentParties.summary.except', { list: listText(exclusions.map((x) => t('consentParties.summary.exclusion', { categories: categoriesText(x.categories, t, language), place: x.name })), language) })}`;
  return capitalise(main, language) + except;
}

/** A saved consent's terms; the directory, when loaded, gives each domain its plain kind. */
export function termsOfConsent(consent: ConsentView, directory: readonly SecrecyDomainDirectoryEntry[] = []): ConsentTerms {
  const kinds = new Map(directory.map((d) => [d.id, d.kind]));
  return {
    organisations: consent.organisations,
    domains: consent.domains.map((d) => ({ ...d, kind: kinds.get(d.id) })),
    categories: consent.categories,
    exclusions: consent.exclusions,
    validFrom: consent.validFrom,
    validTo: consent.validTo,
  };
}

/** The parties in short, for a button's accessible name: "Exempelstads kommun och Förskola och skola". */
export function partiesShort(consent: ConsentView, language: Language): string {
  return listText([...consent.organisations.map((o) => o.name), ...consent.domains.map((d) => d.name)], language);
}

/**
 * Who recorded it, said at once: a professional by name ("Registrerat av Sixten Socialsekreterare
 * åt er – ni kan återkalla det"), a guardian or the child only by relation (they may have
 * protected identity).
 */
export function recordedByText(consent: ConsentView, t: TFunction, audience: 'citizen' | 'professional'): string {
  const method = t(`consents.methods.${consent.method}`).toLocaleLowerCase();
  if (consent.recordedBy.kind !== 'professional') return t('consentParties.recordedBy.citizen', { who: t(`consents.actors.${consent.recordedBy.kind}`), method });
  const name = consent.recordedBy.name;
  if (audience === 'professional') return t('consentParties.recordedBy.professional', { name, method });
  return consent.mayWithdraw ? t('consentParties.recordedBy.forYouWithdrawable', { name }) : t('consentParties.recordedBy.forYou', { name });
}
