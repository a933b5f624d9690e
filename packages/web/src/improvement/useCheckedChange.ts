import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFailure, schemaErrors, type SchemaIssue } from '../common/errors.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useImprovementChange } from './useImprovement.ts';

/** A shared schema's verdict on a form's input (zod's safeParse, kept structural: the web app does not import zod). */
export type Checked = { success: true; data: unknown } | { success: false; error: { issues: readonly SchemaIssue[] } };

/**
 * One improvement form's change: the input is checked with core's schema first (the server's own
 * rules, worded in the UI language beside each field), then sent; a refusal shows the server's
 * field issues beside their fields, or its message above the form. `values` are the form's fields
 * by name, so a message goes as soon as its field is corrected.
 */
export function useCheckedChange<T>(path: string, values: Readonly<Record<string, unknown>>, method: 'POST' | 'PATCH' = 'POST', specific: Partial<Record<string, string>> = {}) {
  const { t } = useTranslation();
  const save = useImprovementChange<T>(path, method);
  const { errors, fail, clear, formRef } = useFormErrors(values);
  const [failure, setFailure] = useState<string | null>(null);
  const send = (checked: Checked, onSuccess?: (saved: T) => void) => {
    setFailure(null);
    clear();
    if (!checked.success) return fail(schemaErrors(checked.error.issues, t));
    save.mutate(checked.data, {
      onSuccess,
      onError: (error) => {
        const found = formFailure(error, t, currentLanguage(), specific);
        setFailure(found.message);
        fail(found.fields);
      },
    });
  };
  return { save, send, errors, failure, formRef };
}
