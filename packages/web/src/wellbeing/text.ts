import type { LocalizedText } from '@samsyn/core';
import { currentLanguage } from '../i18n/index.ts';

/** A model's text in the interface language. */
export function inLanguage(text: LocalizedText): string {
  return text[currentLanguage()];
}
