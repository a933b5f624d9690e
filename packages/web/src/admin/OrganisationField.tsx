import { Select, TextInput } from '@mantine/core';
import type { OrganisationItem } from './useOrganisations.ts';

interface Props {
  label: string;
  hint: string;
  /** The organisation's name when editing: an existing unit or domain never moves between organisations. */
  fixedName: string | null;
  organisations: readonly OrganisationItem[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}

/** The organisation a new unit or secrecy domain belongs to: chosen on creation, shown read-only after. */
export function OrganisationField({ label, hint, fixedName, organisations, value, onChange, error }: Props) {
  if (fixedName !== null) return <TextInput label={label} value={fixedName} readOnly disabled />;
  return (
    <Select
      label={label}
      description={hint}
      data={organisations.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      required
      error={error}
      // The first field to fill when there is a choice; with one organisation the name field takes the focus.
      data-autofocus={organisations.length > 1 || undefined}
    />
  );
}
