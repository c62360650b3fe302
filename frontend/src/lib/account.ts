import { ApiError, errorMessage } from '../api/problem';
import { mapInvalidParams } from './formErrors';
import { formatWaitMinutes } from './format';
import { MIN_PASSWORD_LENGTH } from './validation';

/**
 * The answer to too many attempts (`429`): the API's own sentence, which says how long to wait,
 * or else the wait from `Retry-After`.
 */
export function teVeelMessage(error: ApiError, what = 'pogingen'): string {
  const detail = error.problem?.detail.trim();
  if (detail) return detail;
  const seconds = Number(error.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0
    ? `Te veel ${what}; probeer het over ${formatWaitMinutes(seconds)} opnieuw.`
    : `Te veel ${what}; probeer het later opnieuw.`;
}

/** A sentence for a failed call about one's own account: throttling explained, the rest as usual. */
export function accountErrorMessage(error: unknown, what?: string): string {
  if (error instanceof ApiError && error.status === 429) return teVeelMessage(error, what);
  return errorMessage(error);
}

/** A link to choose a password that no longer works: expired, used once already, or unknown. */
export function isLinkVerlopen(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 410 || error.status === 404 || error.problem?.type === 'urn:koers:problem:link-verlopen')
  );
}

/** A new password as the API will judge it by length (the meter shows whether it is hard enough to guess). */
export function nieuwWachtwoord(value: string): string | null {
  if (value === '') return 'Kies een nieuw wachtwoord';
  if (value.length < MIN_PASSWORD_LENGTH) return `Wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn`;
  if (value.length > 256) return 'Wachtwoord mag hoogstens 256 tekens lang zijn';
  return null;
}

/** The repeated password: the same as the new one, so a typo does not lock the user out. */
export function herhaling(value: string, nieuw: string): string | null {
  if (value === '') return 'Herhaal het nieuwe wachtwoord';
  return value === nieuw ? null : 'De twee wachtwoorden zijn niet gelijk';
}

/** The notification after a message to participants: "Bericht verstuurd aan 1 deelnemer". */
export function berichtVerstuurd(aantal: number): string {
  if (aantal === 0) return 'Niemand ontvangt dit bericht: er zijn geen deelnemers in de gekozen groep.';
  return `Bericht verstuurd aan ${aantal.toLocaleString('nl-NL')} ${aantal === 1 ? 'deelnemer' : 'deelnemers'}`;
}

/** The API's reasons for refusing these fields, per field, as sentences (others are left out). */
export function fieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return mapInvalidParams(error.invalidParams, fields).fields;
}
