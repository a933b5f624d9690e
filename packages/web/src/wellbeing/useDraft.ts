import { useCallback, useEffect, useState } from 'react';

/**
 * A form's draft kept on this device (localStorage), so a reload, a dropped connection or a long
 * think loses nothing. Cleared when the answers are sent.
 */
export function useDraft<T>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  const storageKey = `samsyn.wellbeing.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(storageKey);
      return stored ? (JSON.parse(stored) as T) : initial();
    } catch {
      return initial();
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Private browsing may refuse storage: the draft then lasts for this page only.
    }
  }, [storageKey, value]);
  const clear = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Nothing was stored.
    }
  }, [storageKey]);
  return [value, setValue, clear];
}
