import { z } from 'zod';
import { NORMALIZED_IDENTITY_NUMBER, parseIdentityNumber } from './identity-number.ts';

/**
 * An identity number as typed by a person, on the day `referenceDate` gives (the caller's clock,
 * asked at each parse). Refines with parseIdentityNumber; the issue message is
 * `identity_number_<code>`, following the `message: code` convention of the other schemas. Call
 * parseIdentityNumber afterwards for the normalized value.
 */
export const identityNumberInput = (referenceDate: () => Date) => z
  .string()
  .max(40, { message: 'identity_number_format' })
  .superRefine((value, ctx) => {
    const result = parseIdentityNumber(value, { referenceDate: referenceDate() });
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `identity_number_${result.code}`, params: { reason: result.code } });
    }
  });

/** A normalized identity number as stored and returned by the API. */
export const NormalizedIdentityNumber = z
  .string()
  .regex(NORMALIZED_IDENTITY_NUMBER, { message: 'identity_number_format' });
