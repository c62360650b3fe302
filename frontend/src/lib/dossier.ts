import type { Dossier } from '../api/types';
import { formatDate, formatMoney } from './format';
import {
  AANVRAAG_LABELS,
  ARRANGEMENT_STATUS_LABELS,
  CATEGORIE_LABELS,
  EINDREDEN_LABELS,
  MDO_UITKOMST_LABELS,
  TLV_SOORT_LABELS,
} from './labels';
import { nieuwsteEerst, perspectiefTekst, situatieTekst } from './thuiszitters';
import { soortTekst, standTekst } from './tlv';

/** The lists of a pupil's dossier: one per kind of record about the pupil. */
export type DossierLijst = Exclude<keyof Dossier, 'leerling'>;

/** A record of one list, as the contract types it. */
export type DossierRecord<L extends DossierLijst> = Dossier[L][number];

/** One entry on a pupil's timeline. */
export interface TijdlijnItem {
  /** Unique on the timeline: the list and the record's id. */
  key: string;
  lijst: DossierLijst;
  /** `YYYY-MM-DD`: where the record stands on the timeline. */
  datum: string;
  titel: string;
  /** A line under the title (a status, an outcome), once the area says something of its records. */
  omschrijving?: string;
  /** The record's own page, once its area has one. */
  href?: string;
}

/** How the timeline shows the records of one list. */
export interface DossierSoort<R> {
  /** One record, as a title: "Arrangement". */
  enkelvoud: string;
  /** Several, in running text: "arrangementen". */
  meervoud: string;
  /** The field with the date a record stands on: the one the API orders the list by. */
  datumVeld: string;
  /** What the timeline says of a record beyond its kind and date; added with the area's own pages. */
  beschrijf?: (record: R) => Partial<Pick<TijdlijnItem, 'titel' | 'omschrijving' | 'href'>>;
}

/** The parts of a line that say something, joined by dots (records read elsewhere may lack fields). */
function regel(delen: (string | number | null | undefined | false)[]): string {
  return delen.filter((d) => d !== '' && d !== null && d !== undefined && d !== false && d !== 0).join(' · ');
}

/** `5. Gedragsinterventietechnieken` → `Gedragsinterventietechnieken`. */
function zonderNummer(label: string | undefined): string {
  return label?.replace(/^\d+\. /, '') ?? '';
}

/**
 * Every list of the dossier, in the order the timeline names them. The type asks for each list
 * the contract has, so a new area of records is added here, with what its records say.
 */
export const DOSSIER_SOORTEN: { [L in DossierLijst]: DossierSoort<DossierRecord<L>> } = {
  arrangementen: {
    enkelvoud: 'Arrangement',
    meervoud: 'arrangementen',
    datumVeld: 'startdatum',
    beschrijf: (a) => ({
      titel: a.verlenging ? 'Arrangement (verlenging)' : 'Arrangement',
      omschrijving: regel([
        zonderNummer(CATEGORIE_LABELS[a.categorie]),
        a.einddatum && `tot en met ${formatDate(a.einddatum)}`,
        formatMoney(a.bedragCent),
        ARRANGEMENT_STATUS_LABELS[a.status],
      ]),
      href: `/arrangementen/${a.id}`,
    }),
  },
  toelaatbaarheidsverklaringen: {
    enkelvoud: 'Toelaatbaarheidsverklaring (TLV)',
    meervoud: "TLV's",
    datumVeld: 'ontvangenOp',
    beschrijf: (t) => ({
      titel:
        t.aanvraag === 'verlenging' || t.aanvraag === 'herbeoordeling'
          ? `Toelaatbaarheidsverklaring (TLV), ${AANVRAAG_LABELS[t.aanvraag].toLowerCase()}`
          : 'Toelaatbaarheidsverklaring (TLV)',
      omschrijving: regel([TLV_SOORT_LABELS[t.soort] && soortTekst(t), t.tijdelijk && 'tijdelijk', standTekst(t)]),
      href: `/tlv/${t.id}`,
    }),
  },
  mdo: {
    enkelvoud: 'Multidisciplinair overleg (MDO)',
    meervoud: "MDO's",
    datumVeld: 'datum',
    beschrijf: (m) => ({
      omschrijving: regel([
        m.ondersteuningsniveau && `Niveau ${m.ondersteuningsniveau}`,
        MDO_UITKOMST_LABELS[m.uitkomst] && `uitkomst ${MDO_UITKOMST_LABELS[m.uitkomst]}`,
        m.consulentAanwezig ? 'consulent aanwezig' : 'zonder consulent',
      ]),
      href: `/mdos/${m.id}`,
    }),
  },
  thuiszitters: {
    enkelvoud: 'Thuiszittersmelding',
    meervoud: 'thuiszittersmeldingen',
    datumVeld: 'startdatum',
    beschrijf: (t) => {
      // Records read elsewhere may lack their verloop; then the line says less.
      const verloop = (t as Partial<typeof t>).verloop ?? [];
      // The situation the case ended in, or the one of now: where the pupil stands.
      const laatste = nieuwsteEerst(verloop)[0];
      return {
        omschrijving: regel([
          laatste && situatieTekst(laatste),
          laatste && perspectiefTekst(laatste),
          t.einddatum &&
            `afgesloten op ${formatDate(t.einddatum)}${t.eindreden ? ` (${EINDREDEN_LABELS[t.eindreden].toLowerCase()})` : ''}`,
        ]),
        href: `/thuiszitters/${t.id}`,
      };
    },
  },
};

export const DOSSIER_LIJSTEN = Object.keys(DOSSIER_SOORTEN) as DossierLijst[];

/** A text field of any record (every record has an `id`; its date field is named above). */
function tekst(record: object, veld: string): string {
  const value = (record as Record<string, unknown>)[veld];
  return typeof value === 'string' ? value : '';
}

function itemsVan<L extends DossierLijst>(lijst: L, records: DossierRecord<L>[]): TijdlijnItem[] {
  const soort: DossierSoort<DossierRecord<L>> = DOSSIER_SOORTEN[lijst];
  return records.map((record, i) => ({
    key: `${lijst}-${tekst(record, 'id') || i}`,
    lijst,
    datum: tekst(record, soort.datumVeld),
    titel: soort.enkelvoud,
    ...soort.beschrijf?.(record),
  }));
}

/**
 * Everything in a dossier on one timeline, oldest first. Records of the same date keep the order
 * of the lists above, and within a list the API's order.
 */
export function tijdlijn(dossier: Dossier): TijdlijnItem[] {
  const items = DOSSIER_LIJSTEN.flatMap((lijst) => itemsVan(lijst, dossier[lijst]));
  // Array.prototype.sort is stable, so equal dates keep the order they were gathered in.
  return items.sort((a, b) => a.datum.localeCompare(b.datum));
}

/** The kinds of records in running text, joined by `voegwoord`: "arrangementen, TLV's, MDO's en thuiszittersmeldingen". */
export function dossierOpsomming(voegwoord: 'en' | 'of'): string {
  const namen = DOSSIER_LIJSTEN.map((lijst) => DOSSIER_SOORTEN[lijst].meervoud);
  const laatste = namen.pop() ?? '';
  return namen.length > 0 ? `${namen.join(', ')} ${voegwoord} ${laatste}` : laatste;
}

/** What an empty dossier says: "Nog geen arrangementen, TLV's, MDO's of thuiszittersmeldingen". */
export function legeDossierTekst(): string {
  return `Nog geen ${dossierOpsomming('of')}`;
}
