import { useCallback, useState } from 'react';

/**
 * One Idempotency-Key per submission of a form: the same key until the submission succeeds, so
 * a double click or a resend after a lost answer makes one thing on the server, not two. A failed
 * submission frees its key on the server, so the corrected form may send the same key again.
 */
export function useSubmitKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
