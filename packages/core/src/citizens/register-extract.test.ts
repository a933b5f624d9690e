import { describe, expect, it } from 'vitest';
import { registerExtractOmissions, registerExtractTexts } from './register-extract.ts';

const keys = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];

describe('the register extract texts', () => {
  it('have the same keys in Swedish and English, and a reason for every omission', () => {
    expect(keys(registerExtractTexts.en).sort()).toEqual(keys(registerExtractTexts.sv).sort());
    for (const language of ['sv', 'en'] as const) {
      for (const what of registerExtractOmissions) expect(registerExtractTexts[language].leftOut[what].length).toBeGreaterThan(20);
    }
  });
});
