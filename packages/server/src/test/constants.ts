import { loadConfig } from '../config.ts';

/** The demo password in tests; the demo default, so test and README agree. */
export const testPassword = 'samsyn-demo';

/**
 * Days the services' clock runs ahead in this test run: `SAMSYN_CLOCK_OFFSET_DAYS`, as the
 * server reads it (CI runs the server tests two years ahead). The template is seeded, and
 * every test app built, with this one offset, so the demo data and the rules agree on the day.
 */
export const testClockOffsetDays = loadConfig({ NODE_ENV: 'test', SAMSYN_CLOCK_OFFSET_DAYS: process.env.SAMSYN_CLOCK_OFFSET_DAYS }).clockOffsetDays;
