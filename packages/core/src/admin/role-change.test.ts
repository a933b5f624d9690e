import { describe, expect, it } from 'vitest';
import { diffRoles, isAdministeringProfessional, roleChangeRefusal, type RoleChanger } from './policy.ts';

const A = 'org-a';
const B = 'org-b';
const admin: RoleChanger = { userId: 'u-admin', passwordResetBy: null, roles: [{ organisationId: A, role: 'org_admin' }] };
const professional = { organisationId: A, unitId: null as string | null, role: 'professional' as const };
const orgAdmin = { organisationId: A, unitId: null as string | null, role: 'org_admin' as const };

describe('role changes', () => {
  it('finds what was added and removed, whatever the order', () => {
    expect(diffRoles([orgAdmin], [professional, orgAdmin])).toEqual({ added: [professional], removed: [] });
    expect(diffRoles([professional, orgAdmin], [orgAdmin, professional])).toEqual({ added: [], removed: [] });
    expect(diffRoles([professional], [])).toEqual({ added: [], removed: [professional] });
    // The same role at another unit is another role.
    expect(diffRoles([professional], [{ ...professional, unitId: 'unit-1' }]).added).toHaveLength(1);
  });

  it('refuses any change of one’s own roles, adding or removing, but not an unchanged list', () => {
    expect(roleChangeRefusal(admin, 'u-admin', { added: [professional], removed: [] })).toBe('own_roles_forbidden');
    expect(roleChangeRefusal(admin, 'u-admin', { added: [], removed: [orgAdmin] })).toBe('own_roles_forbidden');
    expect(roleChangeRefusal(admin, 'u-admin', { added: [], removed: [] })).toBeNull();
  });

  it('lets a second administrator change them, unless the session was opened with a password the target reset', () => {
    expect(roleChangeRefusal(admin, 'u-other', { added: [professional], removed: [] })).toBeNull();
    const openedWithTargetsReset = { ...admin, passwordResetBy: { userId: 'u-other' } };
    expect(roleChangeRefusal(openedWithTargetsReset, 'u-other', { added: [professional], removed: [] })).toBe('second_admin_required');
    const openedWithSomeoneElsesReset = { ...admin, passwordResetBy: { userId: 'u-third' } };
    expect(roleChangeRefusal(openedWithSomeoneElsesReset, 'u-other', { added: [professional], removed: [] })).toBeNull();
  });

  it('knows an administrator who is a professional where they administer', () => {
    expect(isAdministeringProfessional([orgAdmin, professional])).toBe(true);
    expect(isAdministeringProfessional([orgAdmin, { ...professional, organisationId: B }])).toBe(false);
    expect(isAdministeringProfessional([{ organisationId: B, unitId: null, role: 'system_admin' }, professional])).toBe(true);
    expect(isAdministeringProfessional([professional])).toBe(false);
  });
});
