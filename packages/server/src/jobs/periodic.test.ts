import { describe, expect, it } from 'vitest';
import { PeriodicJob, type JobLog } from './periodic.ts';

/** A job whose runs wait until the test lets them finish, and that fails when told to. */
class Probe extends PeriodicJob<number> {
  active = 0;
  most = 0;
  runs = 0;
  fail = false;
  release: (() => void)[] = [];
  constructor(log: JobLog) {
    super('probe job', log);
  }
  start(ms: number): void {
    this.startEvery(ms);
  }
  protected async work(): Promise<number> {
    this.active++;
    this.most = Math.max(this.most, this.active);
    await new Promise<void>((resolve) => this.release.push(resolve));
    this.active--;
    if (this.fail) throw new Error('boom');
    return ++this.runs;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for a condition (a loaded machine may be slow to fire a timer). */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('timed out');
    await sleep(5);
  }
}

describe('a periodic job', () => {
  it('queues runs asked for by hand, never two at once, and logs a failure without stopping the next run', async () => {
    const errors: string[] = [];
    const job = new Probe({ info: () => undefined, error: (_d, message) => void errors.push(message) });
    job.fail = true;
    const first = job.run();
    const second = job.run();
    await settle();
    expect(job.active).toBe(1);
    job.release.shift()!();
    await expect(first).rejects.toThrow('boom');
    job.fail = false;
    await settle();
    job.release.shift()!();
    expect(await second).toBe(1);
    expect(job.most).toBe(1);
    expect(errors).toEqual(['probe job failed']);
    await job.stop();
  });

  it('skips a tick of its timer while a run is under way, and starts no timer at 0', async () => {
    const job = new Probe({ info: () => undefined, error: () => undefined });
    job.start(0);
    await sleep(30);
    expect(job.release).toHaveLength(0);
    job.start(5);
    await until(() => job.release.length === 1);
    await sleep(40);
    // Several ticks passed while the first run waited: only that one started.
    expect(job.release).toHaveLength(1);
    job.release.shift()!();
    await until(() => job.runs === 1 && job.release.length === 1);
    job.release.shift()!();
    await job.stop();
    expect(job.most).toBe(1);
  });
});
