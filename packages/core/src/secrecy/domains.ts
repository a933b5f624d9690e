import { z } from 'zod';
import { Sector, type Sector as SectorCode } from '../organisations/schema.ts';

/**
 * Secrecy domains (sekretessområden): secrecy applies between authorities and between
 * independent parts of one authority (OSL 8 kap. 1–2 §§). A municipality's school, its student
 * health's medical and psychological work, its social services and a region's health care are
 * separate even when one organisation runs them. Each unit belongs to one domain; every record
 * entry carries the domain it was written in. The kinds below are the defaults an organisation
 * starts from; its administrator may rename a domain, change its reference or move units.
 */
export const secrecyDomainKinds = ['education', 'student_health', 'social_services', 'health_care', 'police', 'civil_society', 'other'] as const;
export const SecrecyDomainKind = z.enum(secrecyDomainKinds);
export type SecrecyDomainKind = z.infer<typeof SecrecyDomainKind>;

interface DomainTemplate {
  name: string;
  legalReference: string;
  sectors: readonly SectorCode[];
}

/**
 * The default domain of each kind: its Swedish name, its legal reference and the sectors it
 * covers. The references are data an administrator can correct; migration 0004 writes the same.
 */
export const defaultSecrecyDomains: Record<SecrecyDomainKind, DomainTemplate> = {
  education: { name: 'Förskola och skola', legalReference: 'OSL 23 kap. 1–2 §§', sectors: ['preschool', 'school', 'youth_follow_up'] },
  student_health: { name: 'Elevhälsans medicinska och psykologiska insats', legalReference: 'OSL 23 kap. 2 § andra stycket', sectors: ['student_health'] },
  social_services: { name: 'Socialtjänst', legalReference: 'OSL 26 kap. 1 §', sectors: ['social_services'] },
  health_care: { name: 'Hälso- och sjukvård', legalReference: 'OSL 25 kap. 1 §', sectors: ['maternity_care', 'child_health_care', 'primary_care', 'child_psychiatry', 'habilitation'] },
  police: { name: 'Polisen', legalReference: 'OSL 18 kap. och 35 kap.', sectors: ['police'] },
  civil_society: { name: 'Ideell verksamhet', legalReference: 'Tystnadsplikt enligt avtal (OSL gäller inte)', sectors: ['non_profit'] },
  other: { name: 'Övrig verksamhet', legalReference: 'OSL 8 kap. 1–2 §§', sectors: ['leisure', 'administration'] },
};

/** The kind of domain a unit of this sector belongs to by default. */
export function defaultDomainKind(sector: SectorCode): SecrecyDomainKind {
  for (const kind of secrecyDomainKinds) if (defaultSecrecyDomains[kind].sectors.includes(sector)) return kind;
  return 'other';
}

/** One period during which a unit belonged to a domain; `to` is exclusive, null while it lasts. */
export interface DomainPeriod {
  domainId: string;
  from: Date;
  to: Date | null;
}

/** The unit's domain at an instant, from its history of periods. */
export function domainAt(periods: readonly DomainPeriod[], at: Date): string | null {
  return periods.find((p) => p.from <= at && (p.to === null || at < p.to))?.domainId ?? null;
}

// --- API schemas -----------------------------------------------------------------------------

export const SecrecyDomainView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  kind: SecrecyDomainKind,
  name: z.string(),
  legalReference: z.string(),
  sectors: z.array(Sector),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), sector: Sector })),
});
export type SecrecyDomainView = z.infer<typeof SecrecyDomainView>;

export const SecrecyDomainList = z.object({ domains: z.array(SecrecyDomainView) });

const domainName = z.string().trim().min(2).max(200);
const legalReference = z.string().trim().min(2).max(300);

export const SecrecyDomainCreate = z.object({
  organisationId: z.uuid(),
  kind: SecrecyDomainKind,
  name: domainName,
  legalReference,
  sectors: z.array(Sector).max(20),
});
export type SecrecyDomainCreate = z.infer<typeof SecrecyDomainCreate>;

export const SecrecyDomainUpdate = z
  .object({ name: domainName, legalReference, sectors: z.array(Sector).max(20) })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type SecrecyDomainUpdate = z.infer<typeof SecrecyDomainUpdate>;

/** Moves a unit into another domain of its organisation from now on; entries keep the domain they were written in. */
export const UnitDomainMove = z.object({ secrecyDomainId: z.uuid() });
export type UnitDomainMove = z.infer<typeof UnitDomainMove>;
