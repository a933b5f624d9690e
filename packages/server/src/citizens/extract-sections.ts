import { formatStockholmDateTime, registerExtractTexts, type RegisterExtract } from '@samsyn/core';

/**
 * The register extract as sections to lay out: the printable page (extract-html.ts) and the PDF
 * (extract-pdf.ts) both render these, so the two forms can never say different things.
 */
export type ExtractBlock =
  | { kind: 'pairs'; rows: [string, string][] }
  | { kind: 'table'; head: string[]; rows: string[][]; empty: string }
  | { kind: 'list'; items: string[] };

export interface ExtractSection {
  id: string;
  title: string;
  block: ExtractBlock;
}

export interface ExtractDocument {
  language: RegisterExtract['language'];
  /** The page's title: the extract and whose it is. */
  title: string;
  heading: string;
  intro: string;
  generated: string;
  sections: ExtractSection[];
}

export function extractDocument(x: RegisterExtract): ExtractDocument {
  const t = registerExtractTexts[x.language];
  const f = t.fields;
  const time = (iso: string | null) => (iso ? formatStockholmDateTime(new Date(iso)) : f.none);
  const cat = (c: string) => (t.categories as Record<string, string>)[c] ?? c;
  const name = (n: { givenName: string; familyName: string } | null) => (n ? `${n.givenName} ${n.familyName}` : f.hidden);
  const address = (a: { streetAddress: string | null; postalCode: string | null; city: string | null } | null) =>
    a ? [a.streetAddress, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || f.none : f.hidden;
  const pairs = (rows: [string, string | null][]): ExtractBlock => ({ kind: 'pairs', rows: rows.map(([k, v]) => [k, v ?? f.none]) });
  const table = (head: string[], rows: (string | null)[][]): ExtractBlock => ({ kind: 'table', head, rows: rows.map((r) => r.map((c) => c ?? f.none)), empty: t.empty });
  const c = x.child;
  const you = x.you;
  return {
    language: x.language,
    title: `${t.title} – ${name(c.name)}`,
    heading: `${t.title}: ${name(c.name)}`,
    intro: t.intro,
    generated: `${t.relation[x.relation]} ${t.generated}: ${time(x.generatedAt)}`,
    sections: [
      { id: 'you', title: t.sections.you, block: pairs([
        [f.username, you.username],
        [f.name, you.guardian ? name(you.guardian.name) : you.displayName],
        [f.identityNumber, you.guardian?.identityNumber ?? null],
        [f.email, you.guardian?.email ?? you.email],
        [f.phone, you.guardian?.phone ?? null],
        [f.address, you.guardian ? address(you.guardian.address) : null],
        [f.accountCreated, time(you.accountCreatedAt)],
      ]) },
      { id: 'child', title: t.sections.child, block: pairs([
        [f.name, name(c.name)],
        [f.identityNumber, c.identityNumber],
        [f.birthDate, c.birthDate],
        [f.address, address(c.address)],
        [f.school, c.school?.name ?? (c.identityHidden ? f.hidden : null)],
        [f.home, c.homeOrganisation.name],
      ]) },
      { id: 'guardians', title: t.sections.guardians, block: table([f.name, f.identityNumber, f.phone, f.email], c.guardians.map((g) => [name(g.name), g.identityNumber ?? f.hidden, g.phone, g.email])) },
      { id: 'team', title: t.sections.team, block: table([f.name, f.role, f.organisation, f.since, f.until], c.careTeam.map((m) => [m.title ? `${m.displayName}, ${m.title}` : m.displayName, t.roles[m.role], m.organisationName, time(m.startsAt), m.endsAt ? time(m.endsAt) : null])) },
      { id: 'consents', title: t.sections.consents, block: table([f.status, f.parties, f.categories, f.validity, f.recordedAt], x.consents.map((k) => [
        t.statuses[k.status],
        [...k.organisations.map((o) => o.name), ...k.domains.map((d) => `${d.name} (${d.organisationName})`)].join(', '),
        k.categories.map(cat).join(', '),
        `${k.validFrom} – ${k.validTo ?? ''}`,
        time(k.recordedAt),
      ])) },
      { id: 'disclosures', title: t.sections.disclosures, block: table([f.decidedAt, f.decision, f.from, f.to, f.categories, f.what, f.legalGround], x.disclosures.map((d) => [
        time(d.decidedAt), t.decisions[d.decision], d.fromOrganisation.name, d.toOrganisation.name, d.categories.map(cat).join(', '), d.what ?? f.hidden,
        d.legalGround ? `${x.language === 'en' ? d.legalGround.titleEn : d.legalGround.titleSv} (${d.legalGround.reference})` : null,
      ])) },
      { id: 'access-log', title: t.sections.accessLog, block: table([f.time, f.who, f.what, f.basis, f.legalGround], x.accessLog.map((l) => [l.time, l.who, l.what, l.basis, l.legalGround])) },
      { id: 'erased', title: t.sections.erased, block: table([f.category, f.rule, f.recordedAt, f.erasedAt], x.erased.map((e) => [cat(e.category), e.ruleId, time(e.recordedAt), time(e.erasedAt)])) },
      { id: 'left-out', title: t.sections.leftOut, block: { kind: 'list', items: x.leftOut.map((l) => l.why) } },
    ],
  };
}
