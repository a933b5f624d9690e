import { Checkbox, SimpleGrid } from '@mantine/core';
import { wellbeingAreaCodes, type WellbeingArea } from '@samsyn/core';
import { useTranslation } from 'react-i18next';

/** The wellbeing wheel's eight areas as checkboxes, by their stable codes. */
export function AreaChoices({ label, description, value, onChange, error, required }: { label: string; description?: string; value: WellbeingArea[]; onChange: (value: WellbeingArea[]) => void; error?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={(v) => onChange(v as WellbeingArea[])} error={error} required={required}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt={6} spacing={6}>
        {wellbeingAreaCodes.map((code) => (
          <Checkbox key={code} value={code} label={t(`concerns.areas.${code}`)} aria-invalid={Boolean(error) || undefined} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
