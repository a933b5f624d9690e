import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { durableBeforeReply, installDurableReply } from './durable-reply.ts';
import type { App } from './types.ts';

function appWith(append: () => Promise<void>) {
  const app = Fastify();
  installDurableReply(app as unknown as App);
  app.get('/read', async (request) => {
    durableBeforeReply(request, append());
    return { secret: 'the child data' };
  });
  return app;
}

describe('an answer waits for its audit entries', () => {
  it('leaves only after the entry is durable', async () => {
    let durable = false;
    const app = appWith(() => new Promise((resolve) => setTimeout(() => {
      durable = true;
      resolve();
    }, 50)));
    const reply = await app.inject('/read');
    expect(durable).toBe(true);
    expect(reply.json()).toEqual({ secret: 'the child data' });
    await app.close();
  });

  it('never sends the data when the entry cannot be written', async () => {
    const app = appWith(() => new Promise((_, reject) => setTimeout(() => reject(new Error('the log refused')), 10)));
    const reply = await app.inject('/read');
    expect(reply.statusCode).toBe(500);
    expect(reply.body).not.toContain('the child data');
    await app.close();
  });
});
