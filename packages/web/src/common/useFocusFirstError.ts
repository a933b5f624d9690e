import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FieldErrors } from './errors.ts';

/** After a failed submit, moves focus to the first field marked invalid so keyboard users land on it. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, errors: object, attempt: number): void {
  useEffect(() => {
    if (attempt === 0 || Object.keys(errors).length === 0) return;
    // Some Mantine inputs (PasswordInput) mark their wrapper, not the input itself.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const field = invalid?.matches('input, select, textarea, button') ? invalid : invalid?.querySelector<HTMLElement>('input, select, textarea');
    field?.focus();
  }, [formRef, errors, attempt]);
}

/**
 * A form's field errors: `fail` shows them and moves focus to the first, `clear` removes them.
 * Attach `formRef` to the form. Given the form's values by field name, a field's message goes as
 * soon as its value changes: the user is correcting it, and the next submit checks it again.
 */
export function useFormErrors(values: Readonly<Record<string, unknown>> = {}) {
  const [failed, setFailed] = useState<{ errors: FieldErrors; values: Readonly<Record<string, unknown>> }>({ errors: {}, values: {} });
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, failed.errors, attempt);
  const fail = (found: FieldErrors) => {
    setFailed({ errors: found, values });
    setAttempt((n) => n + 1);
  };
  const clear = useCallback(() => setFailed({ errors: {}, values: {} }), []);
  const errors = stillWrong(failed.errors, failed.values, values);
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
