import { describe, expect, it } from 'vitest';
import type { MailSoort } from '../api/types';
import { MAIL_SOORT_LABELS, mailVerloop, toontFout } from './mails';

describe('how sending a mail went', () => {
  it('gives the moment a mail went out, in Dutch time', () => {
    expect(mailVerloop({ status: 'verzonden', pogingen: 1, verzondenOp: '2026-12-05T09:12:03Z' })).toBe(
      'Verzonden za 05-12-2026, 10:12:03',
    );
    // Summer time: two hours ahead of UTC.
    expect(mailVerloop({ status: 'verzonden', pogingen: 1, verzondenOp: '2026-07-01T08:00:00Z' })).toBe(
      'Verzonden wo 01-07-2026, 10:00:00',
    );
  });

  it('says whether a waiting mail failed before, and counts the attempts of one given up', () => {
    expect(mailVerloop({ status: 'wachtend', pogingen: 0, verzondenOp: null })).toBe(
      'Nog niet verstuurd; gaat zo de deur uit',
    );
    expect(mailVerloop({ status: 'wachtend', pogingen: 1, verzondenOp: null })).toBe(
      '1 poging mislukt; Koers probeert het later opnieuw',
    );
    expect(mailVerloop({ status: 'mislukt', pogingen: 5, verzondenOp: null })).toBe('Opgegeven na 5 pogingen');
  });

  it("shows the mail server's complaint only for a mail not sent", () => {
    expect(toontFout({ status: 'mislukt', laatsteFout: '550 mailbox unavailable' })).toBe(true);
    expect(toontFout({ status: 'wachtend', laatsteFout: 'connection refused' })).toBe(true);
    expect(toontFout({ status: 'wachtend', laatsteFout: null })).toBe(false);
    expect(toontFout({ status: 'wachtend', laatsteFout: '  ' })).toBe(false);
    expect(toontFout({ status: 'verzonden', laatsteFout: 'timeout' })).toBe(false);
  });

  it('names every kind of mail in Dutch', () => {
    const soorten: MailSoort[] = [
      'bevestiging',
      'doorgeschoven',
      'gewijzigd',
      'geannuleerd',
      'herinnering',
      'bericht',
      'uitnodiging',
      'wachtwoordherstel',
    ];
    for (const soort of soorten) expect(MAIL_SOORT_LABELS[soort]).toMatch(/^[A-Z]/);
  });
});
