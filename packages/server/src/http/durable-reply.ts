import type { FastifyRequest } from 'fastify';
import type { App } from './types.ts';

// Each request's audit entries on their way: settled promises (an error as a value), so a failed
// append never becomes an unhandled rejection before the reply awaits it.
const pending = new WeakMap<FastifyRequest, Promise<unknown>[]>();

/**
 * A read's audit entry goes to the group commit while the route builds its answer; the answer
 * leaves only once the entry is durable (the onSend hook below). The look is decided before any
 * data is loaded into the answer, and nothing reaches the client unlogged, but the commit's wait
 * overlaps the route's own queries instead of coming before them.
 */
export function durableBeforeReply(request: FastifyRequest, append: Promise<void>): void {
  const list = pending.get(request) ?? [];
  list.push(append.then(() => null, (error: unknown) => error ?? new Error('audit append failed')));
  pending.set(request, list);
}

/** Registered before every other onSend hook: an answer (an error answer too) waits for its entries. */
export function installDurableReply(app: App): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    const list = pending.get(request);
    if (!list) return payload;
    // Taken before waiting: the error answer a failed entry causes passes here again, with none.
    pending.delete(request);
    const failed = (await Promise.all(list)).find((e) => e !== null);
    if (failed) throw failed;
    return payload;
  });
}
