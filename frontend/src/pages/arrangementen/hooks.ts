import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { arrangementen, budgetten, scholen } from '../../api/resources';
import { schooljaarOpties } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { schooljaarNl } from '../../lib/tijd';
import { useAll } from '../lookups';

const STALE = 60_000;

/** Every budget record of the SWV (a few per werkgebied and year), readable by every user. */
export function useBudgetten(enabled = true) {
  return useAll(budgetten, { sort: 'datum' }, STALE, enabled);
}

/** Every school with its werkgebied (shared with the school choices of other pages). */
export function useScholenData() {
  return useAll(scholen, { sort: 'naam' }, 5 * 60_000);
}

/**
 * The school year of a figures page, kept in the URL (`?schooljaar=`; the current one when
 * absent), and the years to choose from: around this one, and every year that has a budget.
 */
export function useSchooljaar() {
  const [params, setParams] = useSearchParams();
  const huidig = schooljaarNl(new Date());
  const schooljaar = params.get('schooljaar') ?? huidig;
  const budgetJaren = [...new Set((useBudgetten().data ?? []).map((b) => b.schooljaar))];
  const opties = schooljaarOpties(huidig, [...budgetJaren, schooljaar]);
  // From the latest parameters, not those of this render: two quick changes both stay.
  const set = (key: string, value: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  return {
    schooljaar,
    huidig,
    opties,
    /** Years that have a budget other than the one shown, newest first: where the figures are. */
    metBudget: budgetJaren.filter((j) => j !== schooljaar).sort((a, b) => b.localeCompare(a)),
    setSchooljaar: (value: string) => set('schooljaar', value === huidig ? null : value),
    params,
    set,
  };
}

/** The werkgebieden's budgets of a school year as of a day (today when not given). */
export function useBudget(schooljaar: string | null, peildatum?: string) {
  return useQuery({
    queryKey: [arrangementen.path, 'budget', schooljaar, peildatum ?? vandaagNl()],
    queryFn: () => arrangementen.budget(schooljaar ?? '', peildatum),
    enabled: schooljaar !== null,
    staleTime: STALE,
  });
}

/**
 * The figures of the school year in the URL, from a resource with `statistieken`; what else
 * narrows them (a date up to which they count) follows the year.
 */
export function useStatistieken<T, A extends unknown[] = []>(
  resource: { path: string; statistieken: (schooljaar: string, ...rest: A) => Promise<T> },
  ...rest: A
) {
  const jaar = useSchooljaar();
  const stats = useQuery({
    queryKey: [resource.path, 'statistieken', jaar.schooljaar, ...rest],
    queryFn: () => resource.statistieken(jaar.schooljaar, ...rest),
    staleTime: STALE,
  });
  return { ...jaar, stats };
}
