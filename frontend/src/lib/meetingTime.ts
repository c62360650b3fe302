/**
 * Meetings take place in the Netherlands: their times are shown in Dutch time whatever the
 * time zone of the device (a laptop set to UTC would otherwise show 13:30 for a 14:30 start).
 * So are the moments of the audit log.
 */
const ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Local {
  weekday: string;
  date: string;
  time: string;
  second: string;
}

function local(value: string): Local | null {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const p: Record<string, string> = {};
  for (const { type, value: v } of parts.formatToParts(d)) p[type] = v;
  return {
    weekday: (p.weekday ?? '').replace('.', ''),
    date: `${p.day}-${p.month}-${p.year}`,
    time: `${p.hour}:${p.minute}`,
    second: p.second ?? '00',
  };
}

/**
 * `2023-03-14T13:30:00Z`, `2023-03-14T15:30:00Z` → `di 14-03-2023, 14:30-16:30`; a meeting over
 * several days shows both dates: `di 14-03-2023 14:30 – wo 15-03-2023 12:00`.
 */
export function formatMeetingTime(start: string, eind: string | null | undefined): string {
  const s = local(start);
  if (!s) return '';
  const e = eind ? local(eind) : null;
  if (!e) return `${s.weekday} ${s.date}, ${s.time}`;
  if (e.date === s.date) return `${s.weekday} ${s.date}, ${s.time}-${e.time}`;
  return `${s.weekday} ${s.date} ${s.time} – ${e.weekday} ${e.date} ${e.time}`;
}

/** A moment to the second, as the audit log shows it: `2026-12-05T09:12:03Z` → `za 05-12-2026, 10:12:03`. */
export function formatMoment(value: string): string {
  const m = local(value);
  return m ? `${m.weekday} ${m.date}, ${m.time}:${m.second}` : '';
}
