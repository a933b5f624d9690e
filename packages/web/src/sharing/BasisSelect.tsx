import { Select } from '@mantine/core';
import type { ConsentView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { categoriesText, partiesShort } from '../consent/consentSummary.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { KindedLegalGround } from './useLegalGrounds.ts';

/** What a team addition or a disclosure rests on. */
export type BasisChoice = { kind: 'own_organisation' } | { kind: 'consent'; consentId: string } | { kind: 'legal_duty'; legalGroundCode: string };

/** The select's value for a choice and back: `own`, `consent:<id>`, `ground:<code>`. */
export function decodeBasis(value: string | null): BasisChoice | null {
  if (value === 'own') return { kind: 'own_organisation' };
  if (value?.startsWith('consent:')) return { kind: 'consent', consentId: value.slice(8) };
  if (value?.startsWith('ground:')) return { kind: 'legal_duty', legalGroundCode: value.slice(7) };
  return null;
}

interface Props {
  label: string;
  description?: string;
  /** Offer the adder's own organisation (team additions for a colleague there). */
  own?: boolean;
  consents: readonly ConsentView[];
  grounds: readonly KindedLegalGround[];
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}

/** One choice among the own organisation, the consents in force and the legal grounds, grouped by kind. */
export function BasisSelect({ label, description, own = false, consents, grounds, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const groups = [
    { group: t('basis.own'), items: own ? [{ value: 'own', label: t('careTeam.bases.own_organisation') }] : [] },
    { group: t('basis.consents'), items: consents.map((c) => ({ value: `consent:${c.id}`, label: t('basis.consentLabel', { organisations: partiesShort(c, language), categories: categoriesText(c.categories, t, language) }) })) },
    { group: t('basis.grounds'), items: grounds.map((g) => ({ value: `ground:${g.code}`, label: `${g.title} (${g.reference})` })) },
  ].filter((g) => g.items.length > 0);
  return (
    <Select
      label={label}
      description={description}
      required
      data={groups}
      value={value}
      onChange={onChange}
      error={error}
      aria-invalid={Boolean(error) || undefined}
      nothingFoundMessage={t('basis.none')}
      placeholder={t('basis.placeholder')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
