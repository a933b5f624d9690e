import { Select, type SelectProps } from '@mantine/core';

type Props<T extends string> = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'allowDeselect'> & {
  /** The stable codes to choose among, in the order shown. */
  codes: readonly T[];
  /** A code's label, from the translation files. */
  optionLabel: (code: T) => string;
  value: T | null;
  onChange: (code: T) => void;
};

/** A choice of one code from a fixed list (a role, a life stage, a sector); once chosen it cannot be emptied. */
export function CodeSelect<T extends string>({ codes, optionLabel, value, onChange, ...rest }: Props<T>) {
  return (
    <Select
      {...rest}
      data={codes.map((code) => ({ value: code, label: optionLabel(code) }))}
      value={value}
      onChange={(code) => code !== null && onChange(code as T)}
      allowDeselect={false}
    />
  );
}
