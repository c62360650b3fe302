-- The outbox: a mail is written in the transaction of the change that causes it and delivered
-- afterwards by the sender, which retries with backoff. Its content is cleared once delivered.
CREATE TABLE mails (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT REFERENCES samenwerkingsverbanden (id) ON DELETE CASCADE,
    aan TEXT NOT NULL,
    onderwerp TEXT NOT NULL,
    soort TEXT NOT NULL,
    tekst TEXT NOT NULL,
    html TEXT NOT NULL,
    agenda TEXT,
    status TEXT NOT NULL,
    pogingen INTEGER NOT NULL DEFAULT 0,
    laatste_fout TEXT,
    volgende_poging TIMESTAMP NOT NULL,
    verzonden_op TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_mails_wachtend ON mails (status, volgende_poging);
CREATE INDEX ix_mails_swv ON mails (samenwerkingsverband_id, created_at);

-- One-time links to choose a password: an invitation (7 days) or a reset (1 hour).
CREATE TABLE wachtwoord_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    gebruiker_id TEXT NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    soort TEXT NOT NULL,
    verloopt_op TIMESTAMP NOT NULL,
    gebruikt_op TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_wachtwoord_tokens__token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_wachtwoord_tokens_gebruiker ON wachtwoord_tokens (gebruiker_id);
