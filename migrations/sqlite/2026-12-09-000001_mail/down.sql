DROP TABLE wachtwoord_tokens;
DROP TABLE mails;
