import { ActionIcon, Alert, Button, Checkbox, Fieldset, Group, List, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  canEditAccount,
  checkPassword,
  errorMessage,
  isSystemAdmin,
  passwordPolicy,
  UserCreate,
  UserUpdate,
  type Me,
  type RoleAssignment,
  type RoleAssignmentView,
  type Unit,
  type User,
} from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, schemaErrors, serverFieldErrors, type FieldErrors } from '../../common/errors.ts';
import { FormActions, FormError } from '../../common/FormActions.tsx';
import { useFormErrors } from '../../common/useFocusFirstError.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { OrganisationItem } from '../useOrganisations.ts';
import { RolePicker, type RoleDraft } from './RolePicker.tsx';
import { roleText } from './roleText.ts';
import { useCreateUser, useUpdateUser } from './useUsers.ts';

interface Props {
  /** The user to edit; null creates one. */
  user: User | null;
  me: Me;
  /** Organisations the current user administers. */
  organisations: OrganisationItem[];
  units: Unit[];
  onCancel: () => void;
  onSaved: (user: User, created: boolean) => void;
}

const emptyDraft: RoleDraft = { organisationId: null, unitId: null, role: null };

export function UserForm({ user, me, organisations, units, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [title, setTitle] = useState(user?.title ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [assigned, setAssigned] = useState<RoleAssignmentView[]>(user?.roles ?? []);
  const [draft, setDraft] = useState<RoleDraft>({ ...emptyDraft, organisationId: organisations.length === 1 ? organisations[0]!.id : null });
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail: showErrors, clear, formRef } = useFormErrors({ username, displayName, email, title, password, roles: assigned, 'roles.0': assigned, 'roles.0.organisationId': draft.organisationId, 'roles.0.unitId': draft.unitId, 'roles.0.role': draft.role });

  const administered = new Set(organisations.map((o) => o.id));
  const accountEditable = user === null || canEditAccount(me, user);
  const isSelf = user?.id === me.id;
  const language = currentLanguage();

  function fail(found: FieldErrors, message: string | null = null) {
    setFailure(message ?? (Object.keys(found).length > 0 ? t('validation.summary') : null));
    showErrors(found);
  }

  function onError(error: Error) {
    const found = serverFieldErrors(error, t, { 'username_taken:username': errorMessage('username_taken', language) });
    fail(found, errorText(error, t, language));
  }

  function passwordErrors(name: string): FieldErrors {
    const problems = checkPassword(password, name);
    if (problems.length === 0) return {};
    return { password: problems.map((p) => t(`password.problems.${p}`, { min: passwordPolicy.minLength, max: passwordPolicy.maxLength })).join(' ') };
  }

  function toAssignment(d: RoleDraft): Partial<RoleAssignment> {
    return { organisationId: d.organisationId ?? undefined, unitId: d.unitId, role: d.role ?? undefined };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (user) return submitEdit(user);
    const parsed = UserCreate.safeParse({
      username,
      displayName,
      email: email.trim() || undefined,
      title: title.trim() || undefined,
      password,
      roles: [toAssignment(draft)],
    });
    const found = { ...(parsed.success ? {} : schemaErrors(parsed.error.issues, t)), ...passwordErrors(username.trim().toLowerCase()) };
    if (!parsed.success || Object.keys(found).length > 0) return fail(found);
    create.mutate(parsed.data, { onSuccess: (saved) => onSaved(saved, true), onError });
  }

  function submitEdit(target: User) {
    const patch: Record<string, unknown> = {};
    if (accountEditable) {
      if (displayName.trim() !== target.displayName) patch.displayName = displayName;
      if ((email.trim() || null) !== target.email) patch.email = email.trim() || null;
      if ((title.trim() || null) !== target.title) patch.title = title.trim() || null;
      if (active !== target.active) patch.active = active;
      if (password) patch.password = password;
    }
    const rolesChanged = JSON.stringify(assigned.map(key)) !== JSON.stringify(target.roles.map(key));
    // Roles outside the administrator's organisations stay on the server as they are.
    const mine = assigned.filter((r) => isSystemAdmin(me) || administered.has(r.organisationId));
    if (rolesChanged) {
      if (mine.length === 0) return fail({ roles: t('users.noRoles') });
      patch.roles = mine.map(({ organisationId, unitId, role }) => ({ organisationId, unitId, role }));
    }
    if (Object.keys(patch).length === 0) return onSaved(target, false);
    const parsed = UserUpdate.safeParse(patch);
    const found = { ...(parsed.success ? {} : schemaErrors(parsed.error.issues, t)), ...(password ? passwordErrors(target.username) : {}) };
    if (!parsed.success || Object.keys(found).length > 0) return fail(found);
    update.mutate({ id: target.id, patch: parsed.data }, { onSuccess: (saved) => onSaved(saved, false), onError });
  }

  function addRole() {
    const { organisationId, unitId, role } = draft;
    if (!organisationId || !role) {
      return fail({ ...(organisationId ? {} : { 'roles.0.organisationId': t('validation.required') }), ...(role ? {} : { 'roles.0.role': t('validation.required') }) });
    }
    const organisationName = organisations.find((o) => o.id === organisationId)?.name ?? '';
    const unitName = units.find((u) => u.id === unitId)?.name ?? null;
    const added: RoleAssignmentView = { organisationId, unitId, role, organisationName, unitName };
    if (!assigned.some((r) => key(r) === key(added))) setAssigned([...assigned, added]);
    setDraft({ ...emptyDraft, organisationId });
    clear();
  }

  const pickerErrors = {
    organisationId: errors['roles.0.organisationId'],
    unitId: errors['roles.0.unitId'],
    role: errors['roles.0.role'],
  };
  const rolesError = errors.roles ?? errors['roles.0'];
  const pending = create.isPending || update.isPending;

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        {user && !accountEditable && (
          <Alert color="orange" variant="light"><Text size="sm" c="dark.8">{t('users.accountLocked')}</Text></Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('users.username')}
            description={user ? undefined : t('users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            readOnly={user !== null}
            disabled={user !== null}
            required={user === null}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={errors.username}
            data-autofocus={user === null || undefined}
          />
          <TextInput
            label={t('users.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            required
            disabled={!accountEditable}
            error={errors.displayName}
            data-autofocus={(user !== null && accountEditable) || undefined}
          />
          <TextInput label={t('users.email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.currentTarget.value)} disabled={!accountEditable} error={errors.email} />
          <TextInput label={t('users.title_')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} disabled={!accountEditable} error={errors.title} />
          <PasswordInput
            label={user ? t('users.newPassword') : t('users.password')}
            description={isSelf ? t('account.ownPasswordHere') : `${t('password.policy', { min: passwordPolicy.minLength })}${user ? ` ${t('users.newPasswordHint')}` : ''}`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required={user === null}
            disabled={!accountEditable || isSelf}
            error={errors.password}
            aria-invalid={Boolean(errors.password) || undefined}
          />
          {user && (
            <Checkbox
              label={t('users.activeLabel')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              disabled={!accountEditable || isSelf}
              mt={{ base: 0, sm: 30 }}
            />
          )}
        </SimpleGrid>

        {user ? (
          <Fieldset legend={t('users.rolesHeading')}>
            <Stack gap="sm">
              <List spacing={4} listStyleType="none" aria-label={t('users.rolesHeading')}>
                {assigned.map((r) => (
                  <List.Item key={key(r)}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{roleText(r, t)}</Text>
                      {!isSelf && (isSystemAdmin(me) || administered.has(r.organisationId)) ? (
                        <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('users.removeRole', { role: roleText(r, t) })} onClick={() => setAssigned(assigned.filter((a) => key(a) !== key(r)))}>
                          <span aria-hidden="true">✕</span>
                        </ActionIcon>
                      ) : (
                        !isSelf && <Text size="xs" c="dimmed">{t('users.notYours')}</Text>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
              {rolesError && <Text size="sm" className="text-error" role="alert">{rolesError}</Text>}
              {isSelf ? (
                // The server refuses it too (own_roles_forbidden): another administrator changes your roles.
                <Alert color="gray" variant="light"><Text size="sm" c="dark.8">{t('account.ownRolesLocked')}</Text></Alert>
              ) : (
                <>
                  <RolePicker value={draft} onChange={setDraft} organisations={organisations} units={units} allowSystemAdmin={isSystemAdmin(me)} errors={pickerErrors} idPrefix="add-role" />
                  <Group justify="flex-end">
                    <Button variant="light" size="sm" onClick={addRole}>{t('users.addRole')}</Button>
                  </Group>
                </>
              )}
            </Stack>
          </Fieldset>
        ) : (
          <Fieldset legend={t('users.roleHeading')}>
            {rolesError && <Text size="sm" className="text-error" mb="xs">{rolesError}</Text>}
            <RolePicker value={draft} onChange={setDraft} organisations={organisations} units={units} allowSystemAdmin={isSystemAdmin(me)} errors={pickerErrors} idPrefix="new-role" />
          </Fieldset>
        )}

        <FormActions onCancel={onCancel} saving={pending} />
      </Stack>
    </form>
  );
}

function key(r: RoleAssignment): string {
  return `${r.organisationId}:${r.unitId ?? ''}:${r.role}`;
}
