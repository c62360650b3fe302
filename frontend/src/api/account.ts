import { api, authApi } from './client';
import { unwrap } from './problem';
import type { Me } from './types';

const merge = { 'Content-Type': 'application/merge-patch+json' } as const;
const done = (result: { error?: unknown; response: Response }): void => {
  unwrap({ ...result, data: undefined });
};

/**
 * The calls about one's own account. Asking for a link and choosing a password go without a token
 * (through the bare client: whoever opens the link from a mail is not signed in); changing one's
 * own name and password are calls of the signed-in user.
 */
export const account = {
  /** Always the same sentence, whether the address belongs to an account or not. */
  wachtwoordVergeten: async (email: string): Promise<string> =>
    unwrap(await authApi.POST('/auth/wachtwoord-vergeten', { body: { email } })).bericht,
  /** The address of the account a link is for; `410` when the link expired, was used or is unknown. */
  link: async (token: string): Promise<string> =>
    unwrap(await authApi.GET('/auth/wachtwoord-instellen/{token}', { params: { path: { token } } })).email,
  wachtwoordInstellen: async (token: string, wachtwoord: string): Promise<void> =>
    done(await authApi.POST('/auth/wachtwoord-instellen', { body: { token, wachtwoord } })),
  /** A merge patch of one's own name; answers who the caller is now. */
  naamWijzigen: async (naam: string): Promise<Me> =>
    unwrap(await api.PATCH('/auth/me', { headers: merge, body: { naam } })),
  /** Ends every session of the account, this one too: sign in again with `nieuw`. */
  wachtwoordWijzigen: async (huidig: string, nieuw: string): Promise<void> =>
    done(await api.POST('/auth/me/wachtwoord', { body: { huidig, nieuw } })),
};
