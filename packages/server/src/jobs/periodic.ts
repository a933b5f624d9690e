export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * A periodic job of one node (the erasure, the child level's indicators, the inbox's notice
 * sweep): a timer, unref'd so it never keeps the process alive, whose runs never overlap. A run
 * asked for while one is under way (by hand, in a test or the CLI) queues behind it; a tick of the
 * timer while one is under way is skipped, so a run that outlasts the interval is not followed by
 * a queue of others. A failure is logged and the next tick tries again; `stop()` waits for the run
 * under way. Whether a run is due across nodes is the job's own decision (an advisory lock).
 */
export abstract class PeriodicJob<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    /** Names the job in the log: "<name> failed". */
    private readonly name: string,
    protected readonly log: JobLog,
  ) {}

  /** The work of one run. */
  protected abstract work(): Promise<T>;

  /** Starts the timer; 0 or less: never (the job then runs only when asked). */
  protected startEvery(everyMs: number): void {
    if (everyMs <= 0) return;
    this.timer = setInterval(() => { if (this.pending === 0) void this.run().catch(() => undefined); }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** One run, after the one under way: its result, or its error (also logged). */
  run(): Promise<T> {
    this.pending++;
    const done = this.running.then(() => this.work());
    this.running = done
      .catch((error: unknown) => this.log.error({ err: error }, `${this.name} failed`))
      .finally(() => { this.pending--; });
    return done;
  }
}
