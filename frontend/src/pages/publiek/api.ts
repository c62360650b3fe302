import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { AanmeldingOntvangen, EigenAanmelding, NieuweAanmelding, PubliekeSchool } from '../../api/types';

// The /publiek paths go out without a token and never refresh (see isPublicPath in the client).
export const publiek = {
  bijeenkomst: async (publicId: string) =>
    unwrap(await api.GET('/publiek/bijeenkomsten/{publicId}', { params: { path: { publicId } } })),
  /** Every school of the SWV, for a picker that searches as the participant types. */
  scholen: async (publicId: string): Promise<PubliekeSchool[]> => {
    const out: PubliekeSchool[] = [];
    for (let page = 1; ; page++) {
      const p = unwrap(
        await api.GET('/publiek/bijeenkomsten/{publicId}/scholen', {
          params: { path: { publicId }, query: { page, pageSize: 200, sort: 'naam' } },
        }),
      );
      out.push(...p.items);
      if (out.length >= p.total || p.items.length === 0) return out;
    }
  },
  /** The same answer whether the address was new or already registered. */
  aanmelden: async (publicId: string, body: NieuweAanmelding): Promise<AanmeldingOntvangen> =>
    unwrap(await api.POST('/publiek/bijeenkomsten/{publicId}/aanmeldingen', { params: { path: { publicId } }, body })),
  aanmelding: async (token: string): Promise<EigenAanmelding> =>
    unwrap(await api.GET('/publiek/aanmeldingen/{token}', { params: { path: { token } } })),
  afmelden: async (token: string): Promise<void> => {
    const result = await api.DELETE('/publiek/aanmeldingen/{token}', { params: { path: { token } } });
    unwrap({ ...result, data: undefined });
  },
  /** The meeting a check-in code from the QR code at the door is for. */
  incheck: async (code: string) => unwrap(await api.GET('/publiek/incheck/{code}', { params: { path: { code } } })),
  /** The same answer for any address: only a registered one is marked present. */
  inchecken: async (code: string, email: string): Promise<void> => {
    const result = await api.POST('/publiek/incheck/{code}', { params: { path: { code } }, body: { email } });
    unwrap({ ...result, data: undefined });
  },
};

/** The calendar file of a meeting: a plain link, so a phone hands it to its agenda app. */
export const agendaUrl = (publicId: string) => `/api/v1/publiek/bijeenkomsten/${encodeURIComponent(publicId)}/agenda`;
