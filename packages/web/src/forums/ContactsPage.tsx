import { Anchor, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { useContacts } from './useForums.ts';

type Row = NonNullable<ReturnType<typeof useContacts>['data']>[number] & { id: string; active: true };

/** The contact directory: whom to contact in each organisation, for what (sorts, filters, exports). */
export function ContactsPage() {
  const { t } = useTranslation();
  const contacts = useContacts();
  const list = useListPage<Row>({ sortKey: 'organisation' });
  const [forum, setForum] = useState<string | null>(null);
  const rows = { ...contacts, data: contacts.data?.map((c): Row => ({ ...c, id: `${c.forum.id}:${c.organisation.id}`, active: true })) };
  const forums = [...new Map((contacts.data ?? []).map((c) => [c.forum.id, c.forum.name])).entries()].map(([value, label]) => ({ value, label }));
  const columns: Column<Row>[] = [
    { key: 'organisation', header: t('forums.organisation'), value: (c) => c.organisation.name },
    { key: 'forum', header: t('forums.forum'), value: (c) => c.forum.name },
    { key: 'contact', header: t('forums.contactName'), value: (c) => c.contactName },
    { key: 'for', header: t('forums.contactFor'), value: (c) => c.contactFor },
    { key: 'email', header: t('forums.email'), value: (c) => c.contactEmail, render: (c) => (c.contactEmail ? <Anchor href={`mailto:${c.contactEmail}`}>{c.contactEmail}</Anchor> : '') },
    { key: 'phone', header: t('forums.phone'), value: (c) => c.contactPhone, nowrap: true },
  ];
  return (
    <ListPage
      list={list}
      query={rows}
      title={t('forums.contactsTitle')}
      intro={t('forums.contactsIntro')}
      inactiveFilter={false}
      filters={<Select label={t('forums.forum')} placeholder={t('forums.allForums')} data={forums} value={forum} onChange={setForum} clearable />}
      filter={(c) => list.matches(c, `${c.organisation.name} ${c.contactName} ${c.contactFor} ${c.forum.name}`) && (!forum || c.forum.id === forum)}
      filterKey={[forum]}
      columns={columns}
      caption={t('forums.contactsCaption')}
      exportFile={t('forums.contactsFile')}
      formTitle=""
      formSize="md"
      form={null}
    />
  );
}
