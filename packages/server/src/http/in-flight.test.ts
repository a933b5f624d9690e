import http from 'node:http';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { trackInFlight } from './in-flight.ts';

/** A promise with its resolve function, to hold a handler where the test wants it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('closing the server', () => {
  it('waits for a handler whose client hung up before the database may close', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    trackInFlight(app, 10_000);
    const entered = gate();
    const release = gate();
    let handlerFinished = false;
    app.get('/slow', async () => {
      entered.open();
      await release.opened;
      handlerFinished = true;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };

    const client = http.get({ host: '127.0.0.1', port, path: '/slow' });
    client.on('error', () => undefined);
    await entered.opened;
    client.destroy();

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);

    release.open();
    await closing;
    expect(handlerFinished).toBe(true);
  });

  it('closes at once when nothing is in flight', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    trackInFlight(app, 10_000);
    app.get('/quick', async () => ({ ok: true }));
    expect((await app.inject({ url: '/quick' })).statusCode).toBe(200);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
