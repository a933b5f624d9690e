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
 * Attach `formRef` to the form.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors, attempt);
  const fail = useCallback((found: FieldErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, fail, clear, formRef };
}
