CREATE TABLE bijeenkomsten (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    titel TEXT NOT NULL,
    omschrijving TEXT,
    soort TEXT NOT NULL,
    start TIMESTAMP NOT NULL,
    eind TIMESTAMP NOT NULL,
    schooljaar TEXT NOT NULL,
    vorm TEXT NOT NULL,
    locatie TEXT,
    min_deelnemers INTEGER,
    max_deelnemers INTEGER,
    streef_opkomst INTEGER,
    streef_percentage DOUBLE PRECISION,
    doelgroep_omvang INTEGER,
    activiteit_id TEXT REFERENCES activiteiten (id),
    project_id TEXT REFERENCES projecten (id),
    portefeuille_id TEXT REFERENCES portefeuilles (id),
    status TEXT NOT NULL,
    publiek BOOLEAN NOT NULL,
    public_id TEXT NOT NULL,
    aanmelden_tot TIMESTAMP,
    reeks_id TEXT,
    volgnummer BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_bijeenkomsten__public_id UNIQUE (public_id)
);
CREATE INDEX ix_bijeenkomsten_swv_start ON bijeenkomsten (samenwerkingsverband_id, start);
CREATE INDEX ix_bijeenkomsten_swv_schooljaar ON bijeenkomsten (samenwerkingsverband_id, schooljaar, soort);
CREATE INDEX ix_bijeenkomsten_activiteit ON bijeenkomsten (activiteit_id);
CREATE INDEX ix_bijeenkomsten_project ON bijeenkomsten (project_id);
CREATE INDEX ix_bijeenkomsten_portefeuille ON bijeenkomsten (portefeuille_id);
CREATE INDEX ix_bijeenkomsten_reeks ON bijeenkomsten (reeks_id);

CREATE TABLE aanmeldingen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    bijeenkomst_id TEXT NOT NULL REFERENCES bijeenkomsten (id) ON DELETE CASCADE,
    naam TEXT NOT NULL,
    email TEXT NOT NULL,
    email_sleutel TEXT NOT NULL,
    school_id TEXT REFERENCES scholen (id),
    functie TEXT NOT NULL,
    status TEXT NOT NULL,
    aanwezig BOOLEAN,
    positie BIGINT NOT NULL,
    bron TEXT NOT NULL,
    annuleer_sleutel TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
-- One active registration per email and meeting; a cancelled one may register again.
CREATE UNIQUE INDEX uq_aanmeldingen__email ON aanmeldingen (bijeenkomst_id, email_sleutel) WHERE status <> 'afgemeld';
CREATE INDEX ix_aanmeldingen_bijeenkomst ON aanmeldingen (bijeenkomst_id, status, positie);
CREATE INDEX ix_aanmeldingen_bijeenkomst_positie ON aanmeldingen (bijeenkomst_id, positie);
CREATE INDEX ix_aanmeldingen_school ON aanmeldingen (school_id);
CREATE UNIQUE INDEX uq_aanmeldingen__annuleer_sleutel ON aanmeldingen (annuleer_sleutel);
