/** Dial-number helpers (docs/domain.md#dial-numbers), built on libphonenumber-js with its `max` metadata. */
export { accountDialOptions, isAccountNumber } from './account-numbers.js';
export { checkDialNumber } from './check-dial-number.js';
export {
  type DialNumberCheck,
  type DialNumberFailure,
  type DialNumberKind,
  type DialNumberOptions,
  dialString,
  MAX_DIAL_DIGITS,
  MAX_E164_DIGITS,
  MIN_DIAL_DIGITS,
  sanitizeDialNumber,
  splitDialString,
} from './dial-number.js';
export {
  areaCodeOf,
  areaOf,
  formatNumberForDisplay,
  type NumberArea,
  regionOfNumber,
} from './number-info.js';
