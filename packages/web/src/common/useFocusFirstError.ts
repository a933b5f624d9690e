import { useEffect, type RefObject } from 'react';

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
