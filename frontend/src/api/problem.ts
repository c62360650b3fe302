import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type InvalidParam = components['schemas']['InvalidParam'];

/** A failed API call: the HTTP status, the problem document (when there is one) and the headers. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly headers: Headers;

  constructor(status: number, problem: Problem | null, headers: Headers) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }

  get invalidParams(): InvalidParam[] {
    return this.problem?.invalidParams ?? [];
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';
}

/** Turns an openapi-fetch result into its data, or throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { response } = result;
  if (!response.ok) {
    throw new ApiError(response.status, isProblem(result.error) ? result.error : null, response.headers);
  }
  return result.data as T;
}

/** A sentence in Dutch for any error, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 401:
        return 'U bent niet (meer) aangemeld. Meld u opnieuw aan.';
      case 403:
        return 'U hebt geen toegang tot deze gegevens.';
      case 404:
        return 'Dit record bestaat niet (meer).';
      case 412:
        return 'Iemand anders heeft dit intussen gewijzigd; laad opnieuw.';
      case 429:
        return 'Te veel verzoeken; probeer het zo opnieuw.';
      case 503:
        return 'Koers is tijdelijk niet beschikbaar; probeer het zo opnieuw.';
      default:
        if (error.status >= 500) {
          return 'Er ging iets mis op de server. Probeer het later opnieuw.';
        }
        return error.problem?.detail ?? error.message;
    }
  }
  if (error instanceof TypeError) {
    return 'Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
  }
  return 'Er ging iets mis. Probeer het opnieuw.';
}

/** For a form with one message: the reasons the API gave for refusing its fields, or else what went wrong. */
export function formErrorMessage(error: unknown): string {
  return error instanceof ApiError && error.invalidParams.length > 0
    ? error.invalidParams.map((p) => p.reason).join(' ')
    : errorMessage(error);
}
