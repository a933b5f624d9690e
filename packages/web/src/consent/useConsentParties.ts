import { useQuery } from '@tanstack/react-query';
import type { ConsentExclusionInput, SecrecyDomainDirectory, SecrecyDomainDirectoryEntry } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useUnits } from '../admin/units/useUnits.ts';
import type { ConsentTerms } from './consentSummary.ts';

/** The secrecy domains a consent can name: reference data, fetched once a session. */
export function useSecrecyDomainDirectory() {
  return useQuery({
    queryKey: ['secrecy-domains', 'directory'],
    queryFn: () => api<SecrecyDomainDirectory>('GET', '/api/secrecy-domains/directory'),
    staleTime: 10 * 60_000,
    select: (data) => data.domains,
  });
}

/** What a form holds about a consent's parties: ids only, resolved to names for the summary. */
export interface PartyChoice {
  organisationIds: readonly string[];
  domainIds: readonly string[];
  exclusions: readonly ConsentExclusionInput[];
}

export interface PartyNames {
  organisations: Map<string, string>;
  domains: Map<string, SecrecyDomainDirectoryEntry>;
  units: Map<string, { name: string; organisationName: string }>;
  loading: boolean;
}

/** Names of every organisation, domain and unit the forms offer (inactive organisations and units are not offered). */
export function usePartyNames(): PartyNames {
  const organisations = useOrganisations();
  const directory = useSecrecyDomainDirectory();
  const units = useUnits();
  return {
    organisations: new Map((organisations.data ?? []).filter((o) => o.active).map((o) => [o.id, o.name])),
    domains: new Map((directory.data ?? []).map((d) => [d.id, d])),
    units: new Map((units.data ?? []).filter((u) => u.active).map((u) => [u.id, { name: u.name, organisationName: u.organisationName }])),
    loading: organisations.isPending || directory.isPending || units.isPending,
  };
}

function placeName(names: PartyNames, exclusion: Pick<ConsentExclusionInput, 'scope' | 'id'>): string {
  if (exclusion.scope === 'organisation') return names.organisations.get(exclusion.id) ?? '';
  if (exclusion.scope === 'unit') return names.units.get(exclusion.id)?.name ?? '';
  const domain = names.domains.get(exclusion.id);
  return domain ? `${domain.name} (${domain.organisationName})` : '';
}

/** The terms a form describes, for the live summary. */
export function termsOfChoice(choice: PartyChoice & Pick<ConsentTerms, 'categories' | 'validFrom'> & { validTo: string }, names: PartyNames): ConsentTerms {
  return {
    organisations: choice.organisationIds.map((id) => ({ name: names.organisations.get(id) ?? '' })).filter((o) => o.name),
    domains: choice.domainIds.flatMap((id) => {
      const d = names.domains.get(id);
      return d ? [{ name: d.name, organisationName: d.organisationName, kind: d.kind }] : [];
    }),
    categories: choice.categories,
    exclusions: choice.exclusions.map((x) => ({ name: placeName(names, x), categories: x.categories })),
    validFrom: choice.validFrom,
    validTo: choice.validTo || null,
  };
}
