import { z } from 'zod';
import { NORMALIZED_IDENTITY_NUMBER, parseIdentityNumber } from './identity-number.ts';

/**
 * An identity number as typed by a person. Refines with parseIdentityNumber (reference date:
 * now); the issue message is `identity_number_<code>`, following the `message: code`
 * convention of the other schemas. Call parseIdentityNumber afterwards for the normalized value.
 */
export const IdentityNumberInput = z
  .string()
  .max(40, { message: 'identity_number_format' })
  .superRefine((value, ctx) => {
    const result = parseIdentityNumber(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `identity_number_${result.code}`, params: { reason: result.code } });
    }
  });

/** A normalized identity number as stored and returned by the API. */
export const NormalizedIdentityNumber = z
  .string()
  .regex(NORMALIZED_IDENTITY_NUMBER, { message: 'identity_number_format' });
