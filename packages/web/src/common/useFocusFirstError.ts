import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './errors.ts';

/** After a failed submit, moves focus to the first field marked invalid so keyboard users land on it. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, hasErrors: boolean, attempt: number): void {
  useEffect(() => {
    if (attempt === 0 || !hasErrors) return;
    // Some Mantine inputs (PasswordInput) mark their wrapper, not the input itself.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const field = invalid?.matches('input, select, textarea, button') ? invalid : invalid?.querySelector<HTMLElement>('input, select, textarea');
    field?.focus();
  }, [formRef, hasErrors, attempt]);
}

/**
 * A form's failed fields: their messages, or how to word them. Worded by a function, they are
 * drawn in the language shown at each render, so a language switch translates them too.
 */
export type FailedFields = FieldErrors | ((t: TFunction) => FieldErrors);

/**
 * A form's field errors: `fail` shows them and moves focus to the first, `clear` removes them.
 * Attach `formRef` to the form. Given the form's values by field name, a field's message goes as
 * soon as its value changes: the user is correcting it, and the next submit checks it again.
 */
export function useFormErrors(values: Readonly<Record<string, unknown>> = {}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<{ errors: FailedFields; values: Readonly<Record<string, unknown>>; any: boolean }>({ errors: {}, values: {}, any: false });
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, failed.any, attempt);
  const fail = (found: FailedFields) => {
    setFailed({ errors: found, values, any: Object.keys(typeof found === 'function' ? found(t) : found).length > 0 });
    setAttempt((n) => n + 1);
  };
  const clear = useCallback(() => setFailed({ errors: {}, values: {}, any: false }), []);
  const worded = typeof failed.errors === 'function' ? failed.errors(t) : failed.errors;
  const errors = stillWrong(worded, failed.values, values);
  return { errors, fail, clear, formRef };
}

/** The messages of fields whose value is the one that failed (or that the form does not name). */
function stillWrong(errors: FieldErrors, then: Readonly<Record<string, unknown>>, now: Readonly<Record<string, unknown>>): FieldErrors {
  const kept: FieldErrors = {};
  for (const [field, text] of Object.entries(errors)) {
    if (!(field in now) || Object.is(now[field], then[field])) kept[field] = text;
  }
  return kept;
}
