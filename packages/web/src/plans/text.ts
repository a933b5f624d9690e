import type { TFunction } from 'i18next';

/**
 * A translation whose key is built from data (a diff's path, a code's group): the keys exist in
 * both languages (plans.* in i18n), but the type of a built key cannot be checked statically.
 */
export function dynamicText(t: TFunction, key: string, params?: Record<string, unknown>): string {
  return String(t(key as never, params as never));
}
