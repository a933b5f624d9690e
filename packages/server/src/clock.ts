/**
 * The one clock of the services: every rule that depends on the time (consent periods, sessions,
 * emergency access, the audit log's timestamps, demo data) reads it from here, never from
 * `new Date()` or the database's `now()`. Tests and CI move it (`SAMSYN_CLOCK_OFFSET_DAYS`) to prove
 * that nothing breaks when the calendar moves on.
 */
export interface Clock {
  now(): Date;
}

const dayMs = 86_400_000;

/** The system's time, moved by a whole number of days (0 in production). */
export function systemClock(offsetDays = 0): Clock {
  const offsetMs = offsetDays * dayMs;
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** A clock that stands still until moved: for tests of time-dependent rules. */
export function fixedClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (d) => {
      at = d.getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}
