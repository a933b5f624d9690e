import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The child's shared data as a FHIR R4 Bundle, for another care system (docs/fhir-export.md).
 * A plain download link like the register extract: the server names the file by the day
 * (`fhir-YYYY-MM-DD.json`), never by the child's name or identity number, and logs the export.
 * The caller shows it only where the policy offers `export_fhir`.
 */
export function FhirExportButton({ childId }: { childId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Button component="a" href={`/api/children/${childId}/export/fhir`} download variant="default" aria-describedby="fhir-export-hint">
        {t('fhirExport.button')}
      </Button>
      <Text size="xs" c="dimmed" id="fhir-export-hint" mt={4}>{t('fhirExport.hint')}</Text>
    </div>
  );
}
