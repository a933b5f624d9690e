import { useState } from 'react';
import type { FieldErrors } from '../common/errors.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { decodeBasis, type BasisChoice } from '../sharing/BasisSelect.tsx';
import type { PickedPerson } from './PersonPicker.tsx';
import { initialTeamBasis } from './TeamBasisField.tsx';

/**
 * Who joins the team and on what basis: the state both adding a member and proposing a handover
 * ask for. Picking a person proposes the basis their place allows; `validated` gives both, or
 * marks what is missing and returns null.
 */
export function usePersonAndBasis() {
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const [basis, setBasis] = useState<string | null>(null);
  const { errors, fail, clear, formRef } = useFormErrors({ person: picked, basis });

  function pick(person: PickedPerson | null) {
    setPicked(person);
    setBasis(initialTeamBasis(person?.place));
  }

  function validated(): { picked: PickedPerson; basis: BasisChoice } | null {
    const chosen = decodeBasis(basis);
    if (!picked || !chosen) {
      // Worded when drawn, so the messages follow a language switch.
      fail((tr): FieldErrors => ({ ...(picked ? {} : { person: tr('personPicker.required') }), ...(chosen ? {} : { basis: tr('validation.required') }) }));
      return null;
    }
    clear();
    return { picked, basis: chosen };
  }

  return { picked, pick, basis, setBasis, errors, formRef, validated };
}
