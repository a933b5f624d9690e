import { Select, Stack, Text } from '@mantine/core';
import type { ConsentView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { categoriesText, partiesShort, periodText } from '../consent/consentSummary.ts';
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

/** What a basis means, in one line: why it lets this person on, or this information go. */
export type BasisPurpose = 'team' | 'disclosure';

interface Props {
  label: string;
  /** Whose explanations: a team addition (the default) or a disclosure. */
  purpose?: BasisPurpose;
  description?: string;
  /** Offer the adder's own organisation (team additions for a colleague there). */
  own?: boolean;
  consents: readonly ConsentView[];
  grounds: readonly KindedLegalGround[];
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}

/** Which consent it is: who gave it and from when, the parties and the information. */
export function consentBasisLabel(consent: ConsentView, t: TFunction): string {
  const language = currentLanguage();
  return t('basis.consentLabel', {
    giver: t(`consents.givers.${consent.givenBy}`).toLocaleLowerCase(language === 'en' ? 'en' : 'sv'),
    period: periodText(consent.validFrom, consent.validTo, t),
    organisations: partiesShort(consent, language),
    categories: categoriesText(consent.categories, t, language),
  });
}

/**
 * One choice among the own organisation, the consents in force and the legal grounds, grouped by
 * kind; each option carries a line that says what it means, and so does the field once chosen.
 */
export function BasisSelect({ label, description, purpose = 'team', own = false, consents, grounds, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const explain = new Map<string, string>();
  const item = (value: string, label: string, explanation: string) => {
    explain.set(value, explanation);
    return { value, label };
  };
  const groups = [
    { group: t('basis.own'), items: own ? [item('own', t('careTeam.bases.own_organisation'), t(`basis.explain.${purpose}.own`))] : [] },
    { group: t('basis.consents'), items: consents.map((c) => item(`consent:${c.id}`, consentBasisLabel(c, t), t(`basis.explain.${purpose}.consent`))) },
    { group: t('basis.grounds'), items: grounds.map((g) => item(`ground:${g.code}`, `${g.title} (${g.reference})`, t(`basis.explain.grounds.${g.kind}`))) },
  ].filter((g) => g.items.length > 0);
  const chosen = value ? explain.get(value) : undefined;
  return (
    <Select
      label={label}
      description={chosen ?? description}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">{explain.get(option.value)}</Text>
        </Stack>
      )}
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
