import { expect } from 'vitest';
import type { AuditVerification } from '@samsyn/core';
import type { TestClient } from './harness.ts';

/** Starts a verification of the audit log over the API and polls it until it has finished. */
export async function verifyOverApi(client: TestClient): Promise<AuditVerification> {
  const started = await client.post('/api/admin/audit/verifications');
  expect(started.statusCode).toBe(202);
  return pollVerification(client, (started.json() as AuditVerification).id);
}

export async function pollVerification(client: TestClient, id: string): Promise<AuditVerification> {
  for (let i = 0; i < 600; i += 1) {
    const res = await client.get(`/api/admin/audit/verifications/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as AuditVerification;
    if (body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('verification did not finish');
}
