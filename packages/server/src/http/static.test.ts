import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('serving the web app', () => {
  // `npm test` builds the web app before the tests run; without a build the server answers 404.
  const built = existsSync(path.join(webDist, 'index.html'));

  it.each(['/', '/admin/units'])('answers %s with the web app, so a bookmarked page opens', async (url) => {
    const res = await t.client().get(url);
    if (built) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    } else {
      expect(res.statusCode).toBe(404);
    }
  });

  it('never answers an API path with the web app', async () => {
    const res = await t.client().get('/api/admin/units');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });
});
