import { Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { candidateQueryMinLength, type CandidatePlace, type CareTeamCandidate } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useCandidates } from './useCareTeam.ts';

/** A person and the place (organisation, unit) they would join or take over for. */
export interface PickedPerson {
  candidate: CareTeamCandidate;
  place: CandidatePlace;
}

const keyOf = (p: PickedPerson) => `${p.candidate.userId}|${p.place.organisationId}|${p.place.unitId ?? ''}`;

export function placeText(place: CandidatePlace): string {
  return [place.organisationName, place.unitName].filter(Boolean).join(', ');
}

interface Props {
  childId: string;
  label: string;
  value: PickedPerson | null;
  onChange: (picked: PickedPerson | null) => void;
  error?: string | undefined;
  /** The team form cannot add someone already in the team; a handover may go to a member. */
  disableInTeam?: boolean;
}

/**
 * Finds a colleague by name, username, title, organisation or unit (searching as one types,
 * after a pause; the server says when more match than it shows) and picks
 * them at one of the places they work. One radio per person and place, so the keyboard and
 * screen readers get the choice as a plain list; the number of hits is announced.
 */
export function PersonPicker({ childId, label, value, onChange, error, disableInTeam = false }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text, 300);
  const candidates = useCandidates(childId, query);
  const options: PickedPerson[] = (candidates.data?.candidates ?? []).flatMap((candidate) => candidate.places.map((place) => ({ candidate, place })));
  const searching = query.trim().length >= candidateQueryMinLength;
  const status = !searching
    ? t('personPicker.typeMore', { min: candidateQueryMinLength })
    : candidates.isFetching
      ? t('personPicker.searching')
      : candidates.isError
        ? errorText(candidates.error, t, currentLanguage())
        : options.length === 0
          ? t('personPicker.noHits')
          : t('personPicker.hits', { count: options.length });
  // The server shows a page of people and says when more match: the user narrows the search.
  const more = searching && !candidates.isFetching && candidates.data?.more === true;

  return (
    <Stack gap={6}>
      <TextInput
        type="search"
        label={label}
        description={t('personPicker.hint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        aria-invalid={Boolean(error) || undefined}
        autoComplete="off"
        required
        data-autofocus
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {status}
        {more && <> {t('personPicker.more', { count: candidates.data?.candidates.length ?? 0 })}</>}
      </Text>
      {value && !options.some((o) => keyOf(o) === keyOf(value)) && (
        <Text size="sm">{t('personPicker.chosen', { name: value.candidate.displayName, place: placeText(value.place) })}</Text>
      )}
      {searching && options.length > 0 && (
        <Radio.Group label={t('personPicker.results')} value={value ? keyOf(value) : null} onChange={(key) => onChange(options.find((o) => keyOf(o) === key) ?? null)}>
          <Stack gap={8} mt={6}>
            {options.map((o) => {
              const taken = disableInTeam && o.candidate.inTeam;
              return (
                <Radio
                  key={keyOf(o)}
                  value={keyOf(o)}
                  disabled={taken}
                  label={[o.candidate.displayName, o.candidate.title].filter(Boolean).join(', ') + (o.candidate.inTeam ? ` – ${t('personPicker.inTeam')}` : '')}
                  description={placeText(o.place)}
                />
              );
            })}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
