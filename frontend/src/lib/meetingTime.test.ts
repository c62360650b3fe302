import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from './meetingTime';

describe('formatMeetingTime', () => {
  it('shows a meeting of one afternoon in Dutch winter time', () => {
    expect(formatMeetingTime('2023-03-14T13:30:00Z', '2023-03-14T15:30:00Z')).toBe('di 14-03-2023, 14:30-16:30');
  });

  it('uses summer time after the clocks change', () => {
    expect(formatMeetingTime('2023-06-06T12:00:00Z', '2023-06-06T14:00:00Z')).toBe('di 06-06-2023, 14:00-16:00');
  });

  it('shows both dates of a meeting over several days', () => {
    expect(formatMeetingTime('2023-03-14T13:30:00Z', '2023-03-15T11:00:00Z')).toBe(
      'di 14-03-2023 14:30 – wo 15-03-2023 12:00',
    );
  });

  it('takes the Dutch date, not the UTC date, just after midnight', () => {
    expect(formatMeetingTime('2023-03-14T23:30:00Z', '2023-03-15T00:30:00Z')).toBe('wo 15-03-2023, 00:30-01:30');
  });

  it('leaves out a missing end and ignores nonsense', () => {
    expect(formatMeetingTime('2023-03-14T13:30:00Z', null)).toBe('di 14-03-2023, 14:30');
    expect(formatMeetingTime('geen datum', null)).toBe('');
  });
});
