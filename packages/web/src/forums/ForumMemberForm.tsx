import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { forumMemberRoles, type ForumDetail } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { usePeople } from '../action-plans/useActionPlans.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useSaveMember } from './useForumEdits.ts';

type Role = (typeof forumMemberRoles)[number];

/** A member adds a person from any organisation to the forum, or changes a member's role. */
export function ForumMemberForm({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const people = usePeople(organisationId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('member');
  const [missing, setMissing] = useState(false);
  const save = useSaveMember(forum.id);
  const saved = save.isSuccess ? forum.memberList.find((m) => m.userId === save.variables.userId) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!organisationId || !userId);
    if (organisationId && userId) save.mutate({ organisationId, userId, role });
  }

  const error = missing ? t('opsForms2.member.missing') : save.isError ? errorText(save.error, t, currentLanguage()) : people.isError ? errorText(people.error, t, currentLanguage()) : null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="forum-member-form">
      <Stack gap="xs">
        <Text fw={600} id="forum-member-form">{t('opsForms2.member.title')}</Text>
        <FormError text={error} />
        <Group align="flex-end" wrap="wrap">
          <Select style={{ flex: 1, minWidth: 200 }} label={t('opsForms2.member.organisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={organisationId} onChange={(v) => { setOrganisationId(v); setUserId(null); }} searchable required />
          <Select style={{ flex: 1, minWidth: 200 }} label={t('opsForms2.member.person')} data={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} value={userId} onChange={setUserId} searchable required disabled={!organisationId} />
          <Select label={t('opsForms2.member.role')} data={forumMemberRoles.map((r) => ({ value: r, label: t(`forums.roles.${r}`) }))} value={role} onChange={(v) => setRole((v as Role | null) ?? 'member')} allowDeselect={false} />
          <Button type="submit" loading={save.isPending}>{t('opsForms2.member.save')}</Button>
        </Group>
        {saved && <Text role="status">{t('opsForms2.member.saved', { name: saved.displayName })}</Text>}
      </Stack>
    </form>
  );
}
