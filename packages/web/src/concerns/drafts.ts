import { useCallback, useState } from 'react';

/**
 * A form's draft, kept while the app is open: closing the dialogue, or going to another page and
 * back, keeps what was written; saving clears it. Held in memory only, never in the browser's
 * storage, so a concern's or a report's text does not outlive the tab on a shared computer.
 */
const drafts = new Map<string, unknown>();

export function useDraft<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial));
  const update = useCallback(
    (next: T) => {
      drafts.set(key, next);
      setValue(next);
    },
    [key],
  );
  const discard = useCallback(() => {
    drafts.delete(key);
    setValue(initial);
    // `initial` is the form's empty state, fixed for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, update, discard];
}
