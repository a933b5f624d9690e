import type { FastifyInstance } from 'fastify';
import { sendInboxNotices } from './service.ts';
import { PeriodicJob, type JobLog } from '../jobs/periodic.ts';

export type InboxNoticeLog = JobLog;

/**
 * The inbox's notice sweep (issue 14), a periodic job like the retention scheduler, that sends
 * every user's new items' notices once each. The sweep itself is idempotent (an item mailed is
 * remembered as `notified_at`), so a tick that overlaps a restart sends nothing twice.
 * 0 minutes: never (tests sweep by hand with `tick()`, or ask for it with a short interval).
 */
export class InboxNoticeScheduler extends PeriodicJob<number> {
  constructor(
    private readonly services: FastifyInstance['services'],
    private readonly appUrl: string,
    private readonly intervalMinutes: number,
    log: InboxNoticeLog,
  ) {
    super('inbox notice sweep', log);
  }

  start(): void {
    // Without SMTP there is nothing to send: no timer at all.
    if (this.services.mailer.enabled) this.startEvery(this.intervalMinutes * 60_000);
  }

  /** One sweep: the number of users mailed. A failure is logged; the next sweep tries again. */
  tick(): Promise<number> {
    return this.run();
  }

  protected async work(): Promise<number> {
    const sent = await sendInboxNotices(this.services, this.appUrl);
    if (sent > 0) this.log.info({ inboxNotices: sent }, 'inbox notices sent');
    return sent;
  }
}
