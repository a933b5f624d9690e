import { stockholmDate } from '@samsyn/core';

/**
 * The one clock, in the browser: the services' clock as `/api/auth/me` last told it, carried
 * forward by the device's clock. A form's default date, "today" and a deadline's days are the
 * server's, so a device set wrong (or a demo whose clock runs ahead) never dates a record.
 */
let offsetMs = 0;

/** Takes the server's time from an answer that carries it (`Me.now`). */
export function setServerNow(iso: string): void {
  const server = Date.parse(iso);
  if (Number.isFinite(server)) offsetMs = server - Date.now();
}

/** Now, by the services' clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today by the services' clock, as YYYY-MM-DD in Stockholm: a form's default date, a file's name. */
export function today(): string {
  return stockholmDate(now());
}
