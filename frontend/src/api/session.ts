import type { components } from './schema';

export type TokenPair = components['schemas']['TokenPair'];

/** Where the refresh token is kept between page loads. */
export interface RefreshTokenStore {
  get(): string | null;
  set(token: string | null): void;
}

/** The result of presenting a refresh token to the server. */
export type RefreshOutcome =
  | { kind: 'ok'; tokens: TokenPair }
  /** The server refused the token (used, revoked or expired): the sign-in is over. */
  | { kind: 'rejected' }
  /** No answer (network down, server restarting): keep the tokens and try again later. */
  | { kind: 'unavailable' };

export interface SessionOptions {
  store: RefreshTokenStore;
  /** Calls POST /auth/refresh. */
  refresh: (refreshToken: string) => Promise<RefreshOutcome>;
  /**
   * Runs `task` while holding a lock shared by all tabs of this browser, so two tabs never
   * present the same refresh token (the server would see a reuse and revoke the whole chain).
   */
  withLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export type SignOutReason = 'expired' | 'logout';

/**
 * The tokens of the signed-in user. The access token lives in memory only; the refresh token in
 * the given store. `refresh()` is single-flight: every caller that asks while a refresh is under
 * way gets the same promise, so a burst of 401s leads to one call to /auth/refresh.
 */
export class Session {
  private access: string | null = null;
  private inFlight: Promise<string | null> | null = null;
  private readonly listeners = new Set<(reason: SignOutReason) => void>();
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  get accessToken(): string | null {
    return this.access;
  }

  get hasRefreshToken(): boolean {
    return this.options.store.get() !== null;
  }

  get refreshToken(): string | null {
    return this.options.store.get();
  }

  setTokens(tokens: TokenPair): void {
    this.access = tokens.accessToken;
    this.options.store.set(tokens.refreshToken);
  }

  /** Forgets both tokens and tells the listeners (the app then shows the sign-in page). */
  signOut(reason: SignOutReason): void {
    const wasSignedIn = this.access !== null || this.options.store.get() !== null;
    this.access = null;
    this.options.store.set(null);
    if (wasSignedIn || reason === 'expired') {
      for (const listener of this.listeners) listener(reason);
    }
  }

  onSignOut(listener: (reason: SignOutReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new access token, or null when there is none to be had. */
  refresh(): Promise<string | null> {
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      // Read the store inside the lock: another tab may have rotated the token meanwhile.
      const refreshToken = this.options.store.get();
      if (refreshToken === null) {
        this.signOut('expired');
        return null;
      }
      let outcome: RefreshOutcome;
      try {
        outcome = await this.options.refresh(refreshToken);
      } catch {
        outcome = { kind: 'unavailable' };
      }
      switch (outcome.kind) {
        case 'ok':
          this.setTokens(outcome.tokens);
          return outcome.tokens.accessToken;
        case 'rejected':
          this.signOut('expired');
          return null;
        case 'unavailable':
          return null;
      }
    };
    return this.options.withLock ? this.options.withLock(run) : run();
  }
}

/**
 * The refresh token is kept in localStorage, so that a reload or a new tab keeps the user signed
 * in for the working day instead of asking for the password again after every F5. That is a
 * trade-off against script injection: the strict Content-Security-Policy of the server blocks
 * foreign scripts, the token only works once (rotation; reuse revokes the whole chain) and
 * signing out revokes it on the server. The access token, which is what the API accepts, is
 * never written anywhere.
 */
export const REFRESH_TOKEN_KEY = 'koers.refreshToken';

export function localStorageStore(key = REFRESH_TOKEN_KEY): RefreshTokenStore {
  return {
    get() {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(token) {
      try {
        if (token === null) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, token);
      } catch {
        // storage disabled: the user stays signed in until the tab closes
      }
    },
  };
}

/** A lock shared by the tabs of this browser (Web Locks API), when the browser has one. */
export function browserLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    // request() resolves with what the callback resolves with.
    return navigator.locks.request('koers.refresh', task) as unknown as Promise<T>;
  }
  return task();
}
