import { ApiError, errorMessage } from '../../api/problem';
import { mapInvalidParams } from '../../lib/formErrors';

export const REGISTRATION_FIELDS = ['naam', 'email', 'schoolId', 'functie'] as const;

const FIELD_LABELS: Record<string, string> = {
  naam: 'Naam',
  email: 'E-mailadres',
  schoolId: 'School',
  functie: 'Functie',
};

export const TOO_MANY = 'Te veel aanmeldingen vanaf dit adres, probeer het later opnieuw';

/** Why a public page could not be shown or an action failed, for a participant without an account. */
export interface PublicError {
  /** The heading of the message. */
  title: string;
  message: string;
  /** Trying again later may help (a hiccup, throttling); not for a closed or unknown meeting. */
  retry: boolean;
}

function common(error: unknown, closedTitle: string): PublicError {
  if (error instanceof ApiError) {
    if (error.status === 410) {
      return {
        title: closedTitle,
        message: error.problem?.detail || 'Aanmelden voor deze bijeenkomst is niet meer mogelijk.',
        retry: false,
      };
    }
    if (error.status === 429) return { title: 'Even geduld', message: TOO_MANY, retry: true };
  }
  // errorMessage speaks to signed-in users on a few statuses; those do not apply here.
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return { title: 'Dit lukte niet', message: 'Deze pagina is nu niet beschikbaar.', retry: false };
  }
  return { title: 'Dit lukte niet', message: errorMessage(error), retry: true };
}

/** Loading the meeting of `/inschrijven/:publicId`. */
export function meetingLoadError(error: unknown): PublicError {
  if (error instanceof ApiError && error.status === 404) {
    return {
      title: 'Bijeenkomst niet gevonden',
      message:
        'Deze bijeenkomst bestaat niet of is niet open voor aanmelding. Controleer de link, of vraag de organisator om de juiste link.',
      retry: false,
    };
  }
  return common(error, 'Aanmelden is gesloten');
}

/** Loading the registration of `/afmelden/:token`. */
export function registrationLoadError(error: unknown): PublicError {
  if (error instanceof ApiError && error.status === 404) {
    return {
      title: 'Aanmelding niet gevonden',
      message:
        'Deze afmeldlink is onbekend. Controleer of u de hele link hebt gekopieerd; een aanmelding van een verwijderde bijeenkomst bestaat niet meer.',
      retry: false,
    };
  }
  return common(error, 'Afmelden is niet meer mogelijk');
}

/** Cancelling through `DELETE /publiek/aanmeldingen/{token}`. */
export function cancelError(error: unknown): PublicError {
  if (error instanceof ApiError && error.status === 404) return registrationLoadError(error);
  return common(error, 'Afmelden is niet meer mogelijk');
}

export interface SubmitErrors {
  /** Per form field. */
  fields: Record<string, string>;
  /** Shown above the button; null when the field messages say it all. */
  general: PublicError | null;
}

/** A failed registration: invalid fields at their fields, the known refusals in plain Dutch. */
export function registrationSubmitError(error: unknown): SubmitErrors {
  if (error instanceof ApiError && error.invalidParams.length > 0) {
    const mapped = mapInvalidParams(error.invalidParams, REGISTRATION_FIELDS, FIELD_LABELS);
    return {
      fields: mapped.fields,
      general:
        mapped.other.length > 0
          ? { title: 'Controleer uw gegevens', message: mapped.other.join(' '), retry: false }
          : null,
    };
  }
  return { fields: {}, general: common(error, 'Aanmelden is gesloten') };
}

/** A check-in link that expired or was never valid: scanning the code at the door again helps. */
const LINK_VERLOPEN = 'urn:koers:problem:link-verlopen';

/** Loading `/incheck/:code`, or checking in there. */
export function checkInError(error: unknown): PublicError & { opnieuwScannen: boolean } {
  if (error instanceof ApiError && error.status === 410) {
    if (error.problem?.type === LINK_VERLOPEN) {
      return {
        title: 'Deze link is verlopen',
        message:
          error.problem.detail ||
          'Deze inchecklink werkt niet meer. Scan de QR-code op het scherm bij de ingang opnieuw.',
        retry: false,
        opnieuwScannen: true,
      };
    }
    return {
      title: 'Inchecken kan nu niet',
      message: error.problem?.detail || 'Inchecken kan vanaf een half uur voor de start tot het einde.',
      retry: false,
      opnieuwScannen: false,
    };
  }
  if (error instanceof ApiError && error.status === 404) {
    return {
      title: 'Deze link is verlopen',
      message: 'Deze inchecklink werkt niet (meer). Scan de QR-code op het scherm bij de ingang opnieuw.',
      retry: false,
      opnieuwScannen: true,
    };
  }
  if (error instanceof ApiError && error.status === 429) {
    return {
      title: 'Even geduld',
      message: 'Er wordt nu veel ingecheckt vanaf dit netwerk. Wacht een minuut en probeer het dan opnieuw.',
      retry: true,
      opnieuwScannen: false,
    };
  }
  return { ...common(error, 'Inchecken kan nu niet'), opnieuwScannen: false };
}
