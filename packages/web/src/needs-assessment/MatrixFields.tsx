import { Fieldset, MultiSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { matrixQuadrants, type MatrixQuadrant, type NeedsConfigContent, type ResilienceMatrix } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../wellbeing/text.ts';

/**
 * The resilience matrix: the child's resilience or vulnerability against a protective or adverse
 * environment. Each quadrant has its own text and may link sub-areas of the triangle as factors.
 */
export function MatrixFields({ config, value, onChange }: { config: NeedsConfigContent; value: ResilienceMatrix; onChange: (quadrant: MatrixQuadrant, change: Partial<ResilienceMatrix[MatrixQuadrant]>) => void }) {
  const { t } = useTranslation();
  const factors = config.sides.map((side) => ({ group: inLanguage(side.label), items: side.subAreas.map((s) => ({ value: s.code, label: inLanguage(s.label) })) }));
  return (
    <Fieldset legend={t('needs.matrix.title')}>
      <Text size="sm" c="dimmed" mb="sm">{t('needs.matrix.intro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {matrixQuadrants.map((q) => {
          const name = t(`needs.matrix.quadrants.${q}`);
          return (
            <Stack key={q} gap={6} className="needs-quadrant" data-quadrant={q}>
              <Text fw={600} size="sm" component="h3" m={0}>{name}</Text>
              <Textarea label={<>{t('needs.matrix.text')}<span className="visually-hidden"> – {name}</span></>} autosize minRows={2} maxLength={4000} value={value[q].text} onChange={(e) => onChange(q, { text: e.currentTarget.value })} />
              <MultiSelect
                label={<>{t('needs.matrix.factors')}<span className="visually-hidden"> – {name}</span></>}
                data={factors}
                value={value[q].factors}
                onChange={(codes) => onChange(q, { factors: codes })}
                searchable
                clearable
                nothingFoundMessage={t('table.empty')}
                comboboxProps={{ withinPortal: true }}
              />
            </Stack>
          );
        })}
      </SimpleGrid>
    </Fieldset>
  );
}
