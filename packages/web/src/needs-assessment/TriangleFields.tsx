import { Fieldset, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { NeedsConfigContent } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../wellbeing/text.ts';
import type { NeedsDraft } from './draft.ts';

/** The three sides of the child's world, each sub-area with its strengths and challenges. */
export function TriangleFields({ config, value, onChange }: { config: NeedsConfigContent; value: NeedsDraft['subAreas']; onChange: (code: string, change: { strengths?: string; challenges?: string }) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {config.sides.map((side) => (
        <Fieldset key={side.code} legend={inLanguage(side.label)} className="needs-side" data-side={side.code}>
          <Text size="sm" c="dimmed" mb="xs">{inLanguage(side.description)}</Text>
          <Stack gap="sm">
            {side.subAreas.map((sub) => {
              const label = inLanguage(sub.label);
              const answer = value[sub.code] ?? { strengths: '', challenges: '' };
              return (
                <div key={sub.code} className="needs-sub-area">
                  <Text fw={600} size="sm" component="h3" m={0}>{label}</Text>
                  <Text size="xs" c="dimmed" mb={4}>{inLanguage(sub.description)}</Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    {/* The visible label is the column's; the hidden part names the sub-area for screen readers. */}
                    <Textarea label={<>{t('needs.form.strengths')}<span className="visually-hidden"> – {label}</span></>} autosize minRows={1} maxLength={4000} value={answer.strengths} onChange={(e) => onChange(sub.code, { strengths: e.currentTarget.value })} />
                    <Textarea label={<>{t('needs.form.challenges')}<span className="visually-hidden"> – {label}</span></>} autosize minRows={1} maxLength={4000} value={answer.challenges} onChange={(e) => onChange(sub.code, { challenges: e.currentTarget.value })} />
                  </SimpleGrid>
                </div>
              );
            })}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
