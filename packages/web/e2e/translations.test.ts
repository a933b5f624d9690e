import { roles, sectors } from '@samsyn/core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json' with { type: 'json' };
import sv from '../src/i18n/sv.json' with { type: 'json' };

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('translations', () => {
  it('English is complete: the same keys as Swedish, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
    for (const [language, texts] of Object.entries({ sv, en })) {
      for (const key of keys(texts)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts);
        expect(typeof text === 'string' && text.trim().length > 0, `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('both languages use the same placeholders in every text', () => {
    for (const key of keys(sv)) {
      const get = (texts: unknown) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts) as string;
      expect(placeholders(get(en)), key).toEqual(placeholders(get(sv)));
    }
  });

  it('every sector and role from core has a label in both languages', () => {
    for (const sector of sectors) {
      expect(sv.sectors[sector], sector).toBeTruthy();
      expect(en.sectors[sector], sector).toBeTruthy();
    }
    for (const role of roles) {
      expect(sv.roles[role], role).toBeTruthy();
      expect(en.roles[role], role).toBeTruthy();
    }
    expect(sv.sectors.child_psychiatry).toBe('Barn- och ungdomspsykiatri (BUP)');
    expect(sv.roles.collaboration_coordinator).toBe('Samverkanssamordnare');
  });
});
