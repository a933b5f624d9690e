import type { FastifyInstance } from 'fastify';
import { sendInboxNotices } from './service.ts';

export interface InboxNoticeLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The inbox's notice sweep (issue 14), started like the retention scheduler: a timer, unref'd so
 * it never keeps the process alive, that sends every user's new items' notices once each. The
 * sweep itself is idempotent (an item mailed is remembered as `notified_at`), so a tick that
 * overlaps a restart sends nothing twice; ticks never overlap within one node (they queue).
 * 0 minutes: never (tests sweep by hand with `tick()`, or ask for it with a short interval).
 */
export class InboxNoticeScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly services: FastifyInstance['services'],
    private readonly appUrl: string,
    private readonly intervalMinutes: number,
    private readonly log: InboxNoticeLog,
  ) {}

  start(): void {
    // Without SMTP there is nothing to send: no timer at all.
    if (this.intervalMinutes <= 0 || !this.services.mailer.enabled) return;
    // A sweep that outlasts the interval is not queued behind: the next look comes after it.
    this.timer = setInterval(() => { if (!this.busy) void this.tick(); }, this.intervalMinutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** One sweep: the number of users mailed. A failure is logged; the next sweep tries again. */
  tick(): Promise<number> {
    this.busy = true;
    const done = this.running.then(() => sendInboxNotices(this.services, this.appUrl));
    this.running = done.then(
      (sent) => { if (sent > 0) this.log.info({ inboxNotices: sent }, 'inbox notices sent'); },
      (error: unknown) => this.log.error({ err: error }, 'inbox notice sweep failed'),
    ).finally(() => { this.busy = false; });
    return done;
  }
}
