import { describe, expect, it } from 'vitest';
import { administeredOrganisations, canAdministerOrganisation, canEditAccount, canGrantRole, canSeeAccount, isAdministrator, type AdminActor } from './policy.ts';

const A = 'org-a';
const B = 'org-b';
const sysadmin: AdminActor = { roles: [{ organisationId: A, role: 'system_admin' }] };
const orgadminA: AdminActor = { roles: [{ organisationId: A, role: 'org_admin' }, { organisationId: A, role: 'professional' }] };
const professionalA: AdminActor = { roles: [{ organisationId: A, role: 'professional' }] };
const professionalB: AdminActor = { roles: [{ organisationId: B, role: 'professional' }] };
const inBoth: AdminActor = { roles: [{ organisationId: A, role: 'professional' }, { organisationId: B, role: 'professional' }] };

describe('administration policy', () => {
  it('gives a system administrator every organisation', () => {
    expect(administeredOrganisations(sysadmin)).toBe('all');
    expect(canAdministerOrganisation(sysadmin, B)).toBe(true);
  });

  it('gives an organisation administrator only their own organisation', () => {
    expect(administeredOrganisations(orgadminA)).toEqual([A]);
    expect(canAdministerOrganisation(orgadminA, A)).toBe(true);
    expect(canAdministerOrganisation(orgadminA, B)).toBe(false);
  });

  it('gives a professional no administration', () => {
    expect(isAdministrator(professionalA)).toBe(false);
    expect(canAdministerOrganisation(professionalA, A)).toBe(false);
  });

  it('lets only a system administrator grant system administration', () => {
    expect(canGrantRole(orgadminA, { organisationId: A, role: 'system_admin' })).toBe(false);
    expect(canGrantRole(sysadmin, { organisationId: B, role: 'system_admin' })).toBe(true);
    expect(canGrantRole(orgadminA, { organisationId: A, role: 'unit_manager' })).toBe(true);
    expect(canGrantRole(orgadminA, { organisationId: B, role: 'professional' })).toBe(false);
  });

  it('lets an organisation administrator edit an account only when all its organisations are theirs', () => {
    expect(canEditAccount(orgadminA, professionalA)).toBe(true);
    expect(canEditAccount(orgadminA, inBoth)).toBe(false);
    expect(canEditAccount(orgadminA, professionalB)).toBe(false);
    expect(canEditAccount(orgadminA, { roles: [{ organisationId: A, role: 'system_admin' }] })).toBe(false);
    expect(canEditAccount(sysadmin, inBoth)).toBe(true);
  });

  it('shows an organisation administrator the accounts that work in their organisation', () => {
    expect(canSeeAccount(orgadminA, inBoth)).toBe(true);
    expect(canSeeAccount(orgadminA, professionalB)).toBe(false);
  });
});
