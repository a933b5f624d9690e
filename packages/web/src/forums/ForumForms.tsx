import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ForumDetail } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { standingItems } from './MeetingEditor.tsx';
import { useCreateMeeting, useSaveOrganisation } from './useForumChanges.ts';

/** A member adds a meeting; it starts with the standing items and opens in the meeting editor. */
export function NewMeetingForm({ forumId, today }: { forumId: string; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting(forumId);
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (title.trim()) create.mutate({ title, heldOn, agenda: standingItems(t), minutes: '', attendance: [] }, { onSuccess: (m) => void navigate(`/operations/forums/${forumId}/meetings/${m.id}`) }); }} noValidate>
      <Stack gap="xs">
        <FormError text={create.isError ? errorText(create.error, t, currentLanguage()) : null} />
        <Group align="flex-end" wrap="wrap">
          <TextInput style={{ flex: 1, minWidth: 220 }} label={t('forumEditor.newMeetingTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
          <TextInput type="date" label={t('forumEditor.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} required />
          <Button type="submit" loading={create.isPending}>{t('forumEditor.addMeeting')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A member names the contact person of an organisation in the forum (a new one, or a change). */
export function OrganisationContactForm({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const save = useSaveOrganisation(forum.id);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [contact, setContact] = useState({ contactName: '', contactEmail: '', contactPhone: '', contactFor: '' });
  const choose = (id: string | null) => {
    setOrganisationId(id);
    const known = forum.organisations.find((o) => o.organisation.id === id);
    setContact(known ? { contactName: known.contactName, contactEmail: known.contactEmail, contactPhone: known.contactPhone, contactFor: known.contactFor } : { contactName: '', contactEmail: '', contactPhone: '', contactFor: '' });
  };
  const field = (name: keyof typeof contact, max: number, required = false) => (
    <TextInput label={t(`forumEditor.${name}`)} value={contact[name]} onChange={(e) => setContact({ ...contact, [name]: e.currentTarget.value })} maxLength={max} required={required} style={{ flex: 1, minWidth: 200 }} />
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (organisationId && contact.contactName.trim()) save.mutate({ organisationId, ...contact }); }} noValidate>
      <Stack gap="xs">
        <Text fw={600}>{t('forumEditor.contactTitle')}</Text>
        <FormError text={save.isError ? errorText(save.error, t, currentLanguage()) : organisations.isError ? errorText(organisations.error, t, currentLanguage()) : null} />
        <Select label={t('forumEditor.organisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={organisationId} onChange={choose} searchable required />
        <Group align="flex-end" wrap="wrap">
          {field('contactName', 200, true)}
          {field('contactEmail', 200)}
          {field('contactPhone', 50)}
        </Group>
        {field('contactFor', 1000)}
        <Group><Button type="submit" loading={save.isPending}>{t('forumEditor.saveContact')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('forumEditor.contactSaved')}</Text>}
      </Stack>
    </form>
  );
}
