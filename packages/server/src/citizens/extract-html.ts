import { formatStockholmDateTime, registerExtractTexts, type RegisterExtract } from '@samsyn/core';

/**
 * The register extract as a page to read and print: plain HTML with its own small stylesheet, no
 * script, in the reader's language. Every value is escaped.
 */
export function registerExtractHtml(x: RegisterExtract): string {
  const t = registerExtractTexts[x.language];
  const f = t.fields;
  const time = (iso: string | null) => (iso ? formatStockholmDateTime(new Date(iso)) : f.none);
  const cat = (c: string) => (t.categories as Record<string, string>)[c] ?? c;
  const name = (n: { givenName: string; familyName: string } | null) => (n ? `${n.givenName} ${n.familyName}` : f.hidden);
  const address = (a: { streetAddress: string | null; postalCode: string | null; city: string | null } | null) =>
    a ? [a.streetAddress, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || f.none : f.hidden;
  const dl = (rows: [string, string | null][]) => `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v ?? f.none)}</dd>`).join('')}</dl>`;
  const table = (head: string[], rows: (string | null)[][]) =>
    rows.length === 0
      ? `<p>${esc(t.empty)}</p>`
      : `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c ?? f.none)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const section = (id: string, title: string, body: string) => `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
  const c = x.child;
  const you = x.you;
  return `<!doctype html>
<html lang="${x.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.title} – ${name(c.name)}`)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #767676; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
@media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { position: absolute; left: -9999px; } td { border: none; } tr { border: 1px solid #767676; margin-bottom: .5rem; } }
@media print { body { max-width: none; } }
</style>
</head>
<body>
<main>
<h1>${esc(t.title)}: ${esc(name(c.name))}</h1>
<p>${esc(t.intro)}</p>
<p>${esc(t.relation[x.relation])} ${esc(t.generated)}: ${esc(time(x.generatedAt))}</p>
${section('you', t.sections.you, dl([
    [f.username, you.username],
    [f.name, you.guardian ? name(you.guardian.name) : you.displayName],
    [f.identityNumber, you.guardian?.identityNumber ?? null],
    [f.email, you.guardian?.email ?? you.email],
    [f.phone, you.guardian?.phone ?? null],
    [f.address, you.guardian ? address(you.guardian.address) : null],
    [f.accountCreated, time(you.accountCreatedAt)],
  ]))}
${section('child', t.sections.child, dl([
    [f.name, name(c.name)],
    [f.identityNumber, c.identityNumber],
    [f.birthDate, c.birthDate],
    [f.address, address(c.address)],
    [f.school, c.school?.name ?? (c.identityHidden ? f.hidden : null)],
    [f.home, c.homeOrganisation.name],
  ]))}
${section('guardians', t.sections.guardians, table([f.name, f.identityNumber, f.phone, f.email], c.guardians.map((g) => [name(g.name), g.identityNumber ?? f.hidden, g.phone, g.email])))}
${section('team', t.sections.team, table([f.name, f.role, f.organisation, f.since, f.until], c.careTeam.map((m) => [m.title ? `${m.displayName}, ${m.title}` : m.displayName, t.roles[m.role], m.organisationName, time(m.startsAt), m.endsAt ? time(m.endsAt) : null])))}
${section('consents', t.sections.consents, table([f.status, f.parties, f.categories, f.validity, f.recordedAt], x.consents.map((k) => [
    t.statuses[k.status],
    [...k.organisations.map((o) => o.name), ...k.domains.map((d) => `${d.name} (${d.organisationName})`)].join(', '),
    k.categories.map(cat).join(', '),
    `${k.validFrom} – ${k.validTo ?? ''}`,
    time(k.recordedAt),
  ])))}
${section('disclosures', t.sections.disclosures, table([f.decidedAt, f.decision, f.from, f.to, f.categories, f.what, f.legalGround], x.disclosures.map((d) => [
    time(d.decidedAt), t.decisions[d.decision], d.fromOrganisation.name, d.toOrganisation.name, d.categories.map(cat).join(', '), d.what ?? f.hidden,
    d.legalGround ? `${x.language === 'en' ? d.legalGround.titleEn : d.legalGround.titleSv} (${d.legalGround.reference})` : null,
  ])))}
${section('access-log', t.sections.accessLog, table([f.time, f.who, f.what, f.basis, f.legalGround], x.accessLog.map((l) => [l.time, l.who, l.what, l.basis, l.legalGround])))}
${section('erased', t.sections.erased, table([f.category, f.rule, f.recordedAt, f.erasedAt], x.erased.map((e) => [cat(e.category), e.ruleId, time(e.recordedAt), time(e.erasedAt)])))}
${section('left-out', t.sections.leftOut, `<ul>${x.leftOut.map((l) => `<li>${esc(l.why)}</li>`).join('')}</ul>`)}
</main>
</body>
</html>
`;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
