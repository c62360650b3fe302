import type { Mail, MailSoort, MailStatus } from '../api/types';
import { formatMoment } from './meetingTime';

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  wachtend: 'Wachtend',
  verzonden: 'Verzonden',
  mislukt: 'Mislukt',
};

/** Mantine colours of the statuses (always shown with their word, never colour alone). */
export const MAIL_STATUS_COLORS: Record<MailStatus, string> = {
  wachtend: 'orange',
  verzonden: 'green',
  mislukt: 'red',
};

/** Why a mail was sent, as a beheerder would say it. */
export const MAIL_SOORT_LABELS: Record<MailSoort, string> = {
  bevestiging: 'Bevestiging van aanmelding',
  doorgeschoven: 'Doorgeschoven van de wachtlijst',
  gewijzigd: 'Bijeenkomst gewijzigd',
  geannuleerd: 'Bijeenkomst geannuleerd',
  herinnering: 'Herinnering aan bijeenkomst',
  bericht: 'Bericht aan deelnemers',
  uitnodiging: 'Uitnodiging voor Koers',
  wachtwoordherstel: 'Nieuw wachtwoord',
};

function pogingen(n: number): string {
  return n === 1 ? '1 poging' : `${n} pogingen`;
}

/**
 * How sending went, in one line: when it went out, that it still waits (and whether an attempt
 * failed already), or that Koers gave up. Times in Dutch time.
 */
export function mailVerloop(mail: Pick<Mail, 'status' | 'pogingen' | 'verzondenOp'>): string {
  switch (mail.status) {
    case 'verzonden':
      return mail.verzondenOp ? `Verzonden ${formatMoment(mail.verzondenOp)}` : 'Verzonden';
    case 'wachtend':
      return mail.pogingen === 0
        ? 'Nog niet verstuurd; gaat zo de deur uit'
        : `${pogingen(mail.pogingen)} mislukt; Koers probeert het later opnieuw`;
    case 'mislukt':
      return `Opgegeven na ${pogingen(mail.pogingen)}`;
  }
}

/** Whether the mail server's last complaint matters: for a mail still waiting or given up. */
export function toontFout(mail: Pick<Mail, 'status' | 'laatsteFout'>): boolean {
  return mail.status !== 'verzonden' && !!mail.laatsteFout?.trim();
}
