import { describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { now, setServerNow, today } from './clock.ts';

describe("the web's clock", () => {
  it("dates by the server's clock, carried forward, not the device's", () => {
    const server = new Date(Date.now() + 400 * 86_400_000);
    setServerNow(server.toISOString());
    expect(Math.abs(now().getTime() - server.getTime())).toBeLessThan(1_000);
    expect(today()).toBe(stockholmDate(server));
    expect(today()).not.toBe(stockholmDate(new Date()));
    // An answer without a readable time leaves the clock as it was.
    setServerNow('not a time');
    expect(today()).toBe(stockholmDate(server));
  });
});
