import { describe, expect, it } from 'vitest';
import { errorCodes, errorStatus } from './codes.ts';
import { errorMessage, pickLanguage } from './messages.ts';
import sv from '../i18n/errors.sv.json' with { type: 'json' };
import en from '../i18n/errors.en.json' with { type: 'json' };

describe('error catalogue', () => {
  it('has a Swedish and an English message for every code, and nothing else', () => {
    expect(Object.keys(sv).sort()).toEqual([...errorCodes].sort());
    expect(Object.keys(en).sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      expect(errorMessage(code, 'sv')).not.toBe(errorMessage(code, 'en'));
    }
  });

  it('gives every code a client or server error status', () => {
    for (const code of errorCodes) expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('language from Accept-Language', () => {
  it('defaults to Swedish', () => {
    expect(pickLanguage(undefined)).toBe('sv');
    expect(pickLanguage('')).toBe('sv');
    expect(pickLanguage('de-DE,fr;q=0.8')).toBe('sv');
  });

  it('honours the preference order and quality values', () => {
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('sv-SE,en;q=0.8')).toBe('sv');
    expect(pickLanguage('en;q=0.3,sv;q=0.9')).toBe('sv');
    expect(pickLanguage('de,en;q=0.5')).toBe('en');
    expect(pickLanguage('en;q=0,sv;q=0.1')).toBe('sv');
  });
});
