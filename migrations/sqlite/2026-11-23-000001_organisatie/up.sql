CREATE TABLE samenwerkingsverbanden (
    id TEXT PRIMARY KEY NOT NULL,
    naam TEXT NOT NULL,
    code TEXT NOT NULL,
    sector TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_samenwerkingsverbanden__code UNIQUE (code)
);

CREATE TABLE gemeenten (
    id TEXT PRIMARY KEY NOT NULL,
    cbs_code TEXT NOT NULL,
    naam TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_gemeenten__cbs_code UNIQUE (cbs_code)
);

CREATE TABLE schoolbesturen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    bevoegd_gezag_nummer TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_schoolbesturen__bevoegd_gezag_nummer UNIQUE (samenwerkingsverband_id, bevoegd_gezag_nummer)
);

CREATE TABLE werkgebieden (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_werkgebieden__naam UNIQUE (samenwerkingsverband_id, naam)
);

CREATE TABLE scholen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    brin TEXT NOT NULL,
    soort TEXT NOT NULL,
    schoolbestuur_id TEXT NOT NULL REFERENCES schoolbesturen (id),
    gemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
    werkgebied_id TEXT REFERENCES werkgebieden (id),
    leerlingaantal INTEGER,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_scholen__brin UNIQUE (samenwerkingsverband_id, brin)
);
CREATE INDEX ix_scholen_schoolbestuur ON scholen (schoolbestuur_id);
CREATE INDEX ix_scholen_gemeente ON scholen (gemeente_id);
CREATE INDEX ix_scholen_werkgebied ON scholen (werkgebied_id);
CREATE INDEX ix_scholen_swv_naam ON scholen (samenwerkingsverband_id, naam);

CREATE TABLE gebruikers (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT REFERENCES samenwerkingsverbanden (id),
    email TEXT NOT NULL,
    naam TEXT NOT NULL,
    rol TEXT NOT NULL,
    actief BOOLEAN NOT NULL,
    wachtwoord_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_gebruikers__email UNIQUE (email)
);
CREATE INDEX ix_gebruikers_swv ON gebruikers (samenwerkingsverband_id, naam);

CREATE TABLE clients (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    client_id TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    actief BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_clients__client_id UNIQUE (client_id)
);
CREATE INDEX ix_clients_swv ON clients (samenwerkingsverband_id, naam);

CREATE TABLE client_gemeenten (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    gemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
    PRIMARY KEY (client_id, gemeente_id)
);
CREATE INDEX ix_client_gemeenten_gemeente ON client_gemeenten (gemeente_id);

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    familie_id TEXT NOT NULL,
    gebruiker_id TEXT NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_refresh_tokens__token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_tokens_familie ON refresh_tokens (familie_id);
CREATE INDEX ix_refresh_tokens_gebruiker ON refresh_tokens (gebruiker_id);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY NOT NULL,
    sleutel TEXT NOT NULL,
    tijdstip TIMESTAMP NOT NULL
);
CREATE INDEX ix_login_failures_sleutel ON login_failures (sleutel, tijdstip);
