export type * from './types.ts';
export { identityNumberErrorCodes } from './types.ts';
export {
  parseIdentityNumber,
  formatIdentityNumber,
  maskIdentityNumber,
} from './identity-number.ts';
export {
  createReserveNumber,
  MAX_RESERVE_SEQUENCE,
  RESERVE_NUMBER_PREFIX,
  type ReserveNumberInput,
} from './reserve-number.ts';
export { identityNumberInput, NormalizedIdentityNumber } from './schema.ts';
