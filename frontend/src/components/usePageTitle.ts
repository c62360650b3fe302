import { useEffect } from 'react';

/** Sets the browser tab's title, so screen readers and the history show where the user is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Koers` : 'Koers';
  }, [title]);
}
