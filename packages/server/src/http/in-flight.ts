import type { FastifyRequest } from 'fastify';
import type { App } from './types.ts';

const counted = new WeakSet<FastifyRequest>();

/**
 * Lets a closing server wait for the requests it has begun. A client that hangs up does not stop
 * its handler, and Node's server closes once the sockets are gone: without this the database
 * could close under a handler still reading a record or waiting for its audit entry.
 * A request counts from its first hook until its answer is on the way (onSend also runs for
 * errors) or its response ends, whichever comes first.
 */
export function trackInFlight(app: App, drainTimeoutMs: number): void {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const done = (request: FastifyRequest) => {
    if (!counted.delete(request)) return;
    inFlight -= 1;
    if (inFlight === 0) wake?.();
  };
  app.addHook('onRequest', async (request) => {
    counted.add(request);
    inFlight += 1;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    done(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => done(request));
  app.addHook('onClose', async () => {
    if (inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, drainTimeoutMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  });
}
