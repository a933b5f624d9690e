import { Anchor, Badge, Button, Group, Select, Stack } from '@mantine/core';
import { canManageIndicators, indicatorOrganisations, indicatorSourceKinds, priorityAreas } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorProjects } from '../improvement/useImprovement.ts';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { errorText } from '../common/errors.ts';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { currentLanguage } from '../i18n/index.ts';
import { IndicatorForm } from './IndicatorForm.tsx';
import { useConfirmKpiTitle, useIndicators, type IndicatorRow } from './useIndicators.ts';

/**
 * The shared indicator catalogue (Befolkning): every action plan, target and improvement project
 * refers to these. Anyone logged in reads it; analysts keep their organisation's indicators.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const indicators = useIndicators();
  const aiming = useIndicatorProjects();
  const confirm = useConfirmKpiTitle();
  const list = useListPage<IndicatorRow>({ sortKey: 'priorityArea' });
  const [areaFilter, setAreaFilter] = useState<string | null>(null);
  const [sourceFilter, setSourceFilter] = useState<string | null>(null);
  const manages = canManageIndicators(me);
  const scope = indicatorOrganisations(me);
  const owners = useMemo(() => {
    const seen = new Map(me.roles.filter((r) => scope === 'all' || scope.includes(r.organisationId)).map((r) => [r.organisationId, r.organisationName]));
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me.roles, scope]);
  const english = currentLanguage() === 'en';
  const name = (i: IndicatorRow) => (english ? i.nameEn : i.nameSv);

  const columns: Column<IndicatorRow>[] = [
    { key: 'priorityArea', header: t('indicators.priorityArea'), value: (i) => t(`indicators.priorityAreas.${i.priorityArea}`) },
    {
      key: 'name',
      header: t('indicators.name'),
      value: name,
      render: (i) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/population/indicators/${encodeURIComponent(i.id)}`} fw={600} size="sm">{name(i)}</Anchor>
          {i.koladaTitleChanged && (
            <Badge color="orange" variant="light" leftSection={<span aria-hidden>⚠</span>} style={{ whiteSpace: 'normal', height: 'auto' }}>
              {t('indicators.titleChanged')}
            </Badge>
          )}
        </Stack>
      ),
    },
    { key: 'unit', header: t('indicators.unit'), value: (i) => t(`indicators.units.${i.unit}`) },
    { key: 'direction', header: t('indicators.direction'), value: (i) => t(`indicators.directions.${i.direction}`) },
    { key: 'source', header: t('indicators.source'), value: (i) => `${t(`indicators.sourceKinds.${i.source.kind}`)} ${i.source.ref}` },
    { key: 'pupilBasis', header: t('indicators.pupilBasis'), value: (i) => (i.pupilBasis ? t(`indicators.pupilBases.${i.pupilBasis}`) : '') },
    { key: 'breakdowns', header: t('indicators.breakdowns'), value: (i) => i.breakdowns.map((b) => t(`indicators.breakdownNames.${b}`)).join(', ') },
    { key: 'owner', header: t('indicators.owner'), value: (i) => i.owner.name },
    // Improvement work (issue 17): the projects that aim at the indicator.
    { key: 'improvement', header: t('improvement.indicatorProjects'), value: (i) => (aiming.data ?? []).filter((p) => p.indicatorId === i.id).map((p) => `${p.title} (${p.team})`).join(', ') },
    ...(manages
      ? [{
          key: 'actions',
          header: t('common.actions'),
          sortable: false,
          exported: false,
          value: () => '',
          render: (i: IndicatorRow) => (
            <Group gap={6} wrap="nowrap">
              {canManageIndicators(me, i.owner.id) && (
                <Button size="compact-sm" variant="light" onClick={() => list.openForm(i)} aria-label={t('common.editNamed', { name: name(i) })}>{t('common.edit')}</Button>
              )}
              {i.koladaTitleChanged && canManageIndicators(me, i.owner.id) && (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={confirm.isPending && confirm.variables === i.id}
                  aria-label={t('indicators.confirmTitleNamed', { name: name(i) })}
                  onClick={() => confirm.mutate(i.id, { onSuccess: () => list.status.success(t('indicators.titleConfirmed', { name: name(i) })), onError: (e) => list.status.failure(errorText(e, t, currentLanguage())) })}
                >
                  {t('indicators.confirmTitle')}
                </Button>
              )}
            </Group>
          ),
        } satisfies Column<IndicatorRow>]
      : []),
  ];

  return (
    <Stack gap="md">
      {manages && (
        <Anchor component={Link} to="/population/kolada" fw={600}>{t('kolada.link')}</Anchor>
      )}
      <ListPage
        list={list}
        query={indicators}
        title={t('indicators.title')}
        intro={t('indicators.intro')}
        newLabel={manages ? t('indicators.new') : undefined}
        inactiveFilter={false}
        filters={
          <>
            <Select label={t('indicators.priorityArea')} placeholder={t('indicators.allAreas')} data={priorityAreas.map((a) => ({ value: a, label: t(`indicators.priorityAreas.${a}`) }))} value={areaFilter} onChange={setAreaFilter} clearable />
            <Select label={t('indicators.sourceKind')} placeholder={t('indicators.allSources')} data={indicatorSourceKinds.map((k) => ({ value: k, label: t(`indicators.sourceKinds.${k}`) }))} value={sourceFilter} onChange={setSourceFilter} clearable />
          </>
        }
        filter={(i) => list.matches(i, `${i.nameSv} ${i.nameEn} ${i.source.ref} ${i.owner.name}`) && (!areaFilter || i.priorityArea === areaFilter) && (!sourceFilter || i.source.kind === sourceFilter)}
        filterKey={[areaFilter, sourceFilter]}
        columns={columns}
        caption={t('indicators.caption')}
        exportFile={t('indicators.exportFile')}
        excelSheet={t('indicators.title')}
        formTitle={t(list.editing.item ? 'indicators.editTitle' : 'indicators.createTitle')}
        formSize="xl"
        form={<IndicatorForm key={list.editing.key} indicator={list.editing.item} owners={owners} onCancel={list.closeForm} onSaved={(saved, created) => list.saved(t(created ? 'indicators.created' : 'indicators.saved', { name: saved }))} />}
      />
    </Stack>
  );
}
