import { ApiError, errorMessage } from '../api/problem';
import { formatWaitMinutes } from '../lib/format';

/** The Dutch message for a failed sign-in. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Het e-mailadres of het wachtwoord klopt niet.';
    if (error.status === 429) {
      const seconds = Number(error.headers.get('Retry-After'));
      return Number.isFinite(seconds) && seconds > 0
        ? `Te veel pogingen; probeer het over ${formatWaitMinutes(seconds)} opnieuw.`
        : 'Te veel pogingen; probeer het later opnieuw.';
    }
    if (error.status === 400) return 'Vul een e-mailadres en een wachtwoord in.';
  }
  return errorMessage(error);
}
