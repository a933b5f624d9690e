import { useCallback, useState } from 'react';

/**
 * A form's draft kept in the tab's session storage, so a reload or a detour does not lose what
 * was typed; cleared when the form is sent or cancelled. Session storage ends with the tab.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const [draft, setState] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored ? { ...initial, ...(JSON.parse(stored) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback((next: T) => {
    setState(next);
    try {
      sessionStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Storage may be refused (private browsing): the draft then lasts for this page only.
    }
  }, [key]);
  const clear = useCallback(() => {
    setState(initial);
    try {
      sessionStorage.removeItem(key);
    } catch {
      // As above.
    }
  }, [key, initial]);
  return [draft, set, clear];
}
