import { Alert, Stack, Text, Title } from '@mantine/core';
import { toCsv, type ChronologyEvent, type ChronologyView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../common/csv.ts';
import { errorText } from '../common/errors.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { exportRows, SortableTable, type Column } from '../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { ChronologyFilters } from './ChronologyFilters.tsx';
import { detailText, eventText } from './text.ts';
import { allEvents, isOverviewPage, noFilters, pageSize, useChronology, type ChronologyRequest } from './useChronology.ts';

function columns(t: TFunction): Column<ChronologyEvent>[] {
  const none = t('common.none');
  return [
    { key: 'date', header: t('chronology.events.date'), value: (e) => formatDate(e.occurredOn), nowrap: true },
    {
      key: 'what',
      header: t('chronology.events.what'),
      value: (e) => eventText(e, t),
      render: (e) => (
        <div>
          <Text size="sm" fw={600}>{eventText(e, t)}</Text>
          <Text size="xs" c="dimmed">{t(`chronology.types.${e.type}`)}</Text>
        </div>
      ),
      sortable: false,
    },
    { key: 'details', header: t('chronology.events.details'), value: (e) => detailText(e, t), sortable: false },
    { key: 'organisation', header: t('chronology.events.organisation'), value: (e) => e.organisation?.name ?? none, sortable: false },
    { key: 'domain', header: t('chronology.events.domain'), value: (e) => e.secrecyDomain?.name ?? none, sortable: false },
    { key: 'by', header: t('chronology.events.by'), value: (e) => e.by ?? none, sortable: false },
  ];
}

/**
 * The chronology's events: the first page is the overview's (no look of its own); filters, the
 * order (the date column's header, or the filter) and further pages ask the server, each a look.
 * The export reads every matching event.
 */
export function ChronologyEvents({ childId, first }: { childId: string; first: ChronologyView }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [request, setRequest] = useState<ChronologyRequest>(noFilters);
  const own = !isOverviewPage(request);
  const query = useChronology(childId, request, own);
  const view = own ? query.data : first;
  const cols = columns(t);

  async function exportCsv() {
    try {
      const events = await allEvents(childId, request);
      const data = exportRows(events, cols);
      const file = `${t('chronology.events.exportFile')}-${today()}.csv`;
      downloadCsv(file, toCsv(data.header, data.rows));
      status.success(t('chronology.events.exported', { count: events.length, file }));
    } catch (error) {
      status.failure((tt, language) => errorText(error as Error, tt, language));
    }
  }

  return (
    <section aria-labelledby="events-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="events-heading">{t('chronology.events.title')}</Title>
        <ChronologyFilters key={JSON.stringify({ ...request, page: 0 })} applied={request} facets={first.facets} onApply={setRequest} />
        {/* Counted over the whole chronology, whatever the filters: it never narrows down what is hidden. */}
        {first.notShown.map((n) => (
          <Alert key={n.reason} color="gray" variant="light" p="xs" data-testid="not-shown">
            <Text size="sm" c="dark.8">{t(`chronology.notShown.${n.reason}`, { count: n.count })}</Text>
          </Alert>
        ))}
        <StatusMessage status={status.status} onClose={status.clear} />
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : !view ? null : view.total === 0 ? (
          <Text c="dimmed">{t('chronology.events.none')}</Text>
        ) : (
          <>
            <ListToolbar from={(view.page - 1) * pageSize + 1} to={(view.page - 1) * pageSize + view.events.length} count={view.total} total={view.total} onExport={() => void exportCsv()} />
            <div className="page-panel">
              <SortableTable
                caption={t('chronology.events.caption')}
                columns={cols}
                rows={view.events}
                rowKey={(e) => e.id}
                sort={{ key: 'date', direction: request.order === 'newest' ? 'descending' : 'ascending' }}
                onSort={(s) => setRequest({ ...request, order: s.direction === 'ascending' ? 'oldest' : 'newest', page: 1 })}
                empty={t('chronology.events.none')}
              />
            </div>
            <TablePages page={view.page} pageCount={Math.ceil(view.total / pageSize)} onChange={(page) => setRequest({ ...request, page })} />
          </>
        )}
      </Stack>
    </section>
  );
}
