import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { matrixQuadrants, practitionerQuestions, subAreaOf, type NeedsConfigContent, type NeedsRevisionView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { inLanguage } from '../wellbeing/text.ts';
import './needs-assessment.css';

/** The status in words, never by colour alone. */
export function StatusBadge({ status }: { status: NeedsRevisionView['status'] }) {
  const { t } = useTranslation();
  return <Badge color={status === 'final' ? 'green' : 'gray'} variant="light" tt="none" c="dark.8">{t(`needs.statuses.${status}`)}</Badge>;
}

/** One revision read as it was written, in the words of the configuration version it was made with. */
export function NeedsAssessmentRead({ revision, config }: { revision: NeedsRevisionView; config: NeedsConfigContent }) {
  const { t } = useTranslation();
  const none = t('needs.read.nothing');
  const label = (code: string) => {
    const sub = subAreaOf(config, code);
    return sub ? inLanguage(sub.label) : code;
  };
  return (
    <Stack gap="md" data-testid="needs-read">
      <Group gap="sm">
        <StatusBadge status={revision.status} />
        <Text size="sm">{t('needs.read.meta', { date: formatDate(revision.occurredOn), author: revision.authorName, organisation: revision.organisationName, revision: revision.revision, version: revision.configVersion })}</Text>
      </Group>
      <section aria-labelledby="read-summary" className="page-panel">
        <Stack gap="xs" p="lg">
          <Title order={2} size="h3" id="read-summary">{t('needs.form.summaryHeading')}</Title>
          <Text fw={600}>{revision.proposal ? t(`needs.proposals.${revision.proposal}`) : t('needs.read.noProposal')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{revision.summary || none}</Text>
        </Stack>
      </section>
      {practitionerQuestions.map((q, i) => (
        <section key={q} aria-labelledby={`read-q-${q}`} className="page-panel">
          <Stack gap="xs" p="lg">
            <Title order={2} size="h3" id={`read-q-${q}`}>{t('needs.questions.numbered', { n: i + 1, question: t(`needs.questions.${q}`) })}</Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{revision.questions[q] || none}</Text>
            {i === 0 && (
              <Stack gap="sm">
                {config.sides.map((side) => {
                  const answers = revision.subAreas.filter((a) => subAreaOf(config, a.code)?.side === side.code);
                  return (
                    <div key={side.code}>
                      <Title order={3} size="h5">{inLanguage(side.label)}</Title>
                      {answers.length === 0 ? <Text size="sm" c="dimmed">{none}</Text> : (
                        <List size="sm" spacing={4}>
                          {answers.map((a) => (
                            <List.Item key={a.code}>
                              <Text span fw={600} size="sm">{label(a.code)}: </Text>
                              {a.strengths && <Text span size="sm">{t('needs.read.strengths', { text: a.strengths })} </Text>}
                              {a.challenges && <Text span size="sm">{t('needs.read.challenges', { text: a.challenges })}</Text>}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </div>
                  );
                })}
              </Stack>
            )}
            {i === 1 && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {matrixQuadrants.map((mq) => (
                  <div key={mq} className="needs-quadrant">
                    <Title order={3} size="h5">{t(`needs.matrix.quadrants.${mq}`)}</Title>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{revision.matrix[mq].text || none}</Text>
                    {revision.matrix[mq].factors.length > 0 && <Text size="xs" c="dimmed">{t('needs.read.factors', { list: revision.matrix[mq].factors.map(label).join(', ') })}</Text>}
                  </div>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
