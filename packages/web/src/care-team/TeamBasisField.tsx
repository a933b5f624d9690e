import { teamGroundKinds, type CandidatePlace } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { useConsents } from '../consent/useConsents.ts';
import { BasisSelect } from '../sharing/BasisSelect.tsx';
import { useLegalGrounds } from '../sharing/useLegalGrounds.ts';

/** The basis chosen when a place is picked: the own organisation where it is open, otherwise none yet. */
export function initialTeamBasis(place: CandidatePlace | null | undefined): string | null {
  return place?.bases.ownOrganisation ? 'own' : null;
}

interface Props {
  childId: string;
  /** Where the person picked would join the team; null before anyone is picked. */
  place: CandidatePlace | null;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}

/**
 * What lets a person onto the team, for an addition and a handover alike: the own organisation,
 * a consent that reaches theirs, or a legal ground of a kind that allows it. Only the bases the
 * server's rule leaves open for the place picked are offered; the server decides.
 */
export function TeamBasisField({ childId, place, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const consents = useConsents(childId);
  const grounds = useLegalGrounds(teamGroundKinds);
  const bases = place?.bases;
  return (
    <BasisSelect
      label={t('careTeam.basis')}
      description={place ? t('careTeam.add.basisHint') : t('careTeam.add.basisFirst')}
      own={bases?.ownOrganisation ?? false}
      consents={(consents.data?.consents ?? []).filter((c) => bases?.consentIds.includes(c.id))}
      grounds={bases?.legalDuty ? (grounds.data ?? []) : []}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
