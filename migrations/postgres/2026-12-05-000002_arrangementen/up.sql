-- Extra support granted at regular schools from the werkgebied's budget, the budgets
-- themselves (an extra budget during the year is a record of its own), and the
-- multidisciplinary meetings about pupils.
CREATE TABLE arrangementen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    soort TEXT NOT NULL,
    leerling_id TEXT REFERENCES leerlingen (id) ON DELETE CASCADE,
    aantal_leerlingen INTEGER,
    school_id TEXT NOT NULL REFERENCES scholen (id),
    werkgebied_id TEXT REFERENCES werkgebieden (id),
    verlenging_van_id TEXT REFERENCES arrangementen (id),
    categorie TEXT NOT NULL,
    ondersteuningsniveau INTEGER NOT NULL,
    leerjaar INTEGER,
    startdatum DATE NOT NULL,
    einddatum DATE NOT NULL,
    uren_per_week DOUBLE PRECISION,
    bedrag_cent BIGINT NOT NULL,
    status TEXT NOT NULL,
    toegekend_op DATE,
    toelichting TEXT NOT NULL DEFAULT '',
    schooljaar TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_arrangementen_jaar ON arrangementen (samenwerkingsverband_id, schooljaar, startdatum, id);
CREATE INDEX ix_arrangementen_leerling ON arrangementen (leerling_id);
CREATE INDEX ix_arrangementen_school ON arrangementen (school_id);
CREATE INDEX ix_arrangementen_werkgebied ON arrangementen (werkgebied_id);
CREATE INDEX ix_arrangementen_verlenging ON arrangementen (verlenging_van_id);

CREATE TABLE budgetten (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    werkgebied_id TEXT NOT NULL REFERENCES werkgebieden (id),
    schooljaar TEXT NOT NULL,
    soort TEXT NOT NULL,
    bedrag_cent BIGINT NOT NULL,
    datum DATE NOT NULL,
    toelichting TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_budgetten_jaar ON budgetten (samenwerkingsverband_id, schooljaar, werkgebied_id);
CREATE INDEX ix_budgetten_werkgebied ON budgetten (werkgebied_id);

CREATE TABLE mdos (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    datum DATE NOT NULL,
    school_id TEXT NOT NULL REFERENCES scholen (id),
    leerling_id TEXT REFERENCES leerlingen (id) ON DELETE CASCADE,
    ondersteuningsniveau INTEGER NOT NULL,
    consulent_aanwezig BOOLEAN NOT NULL,
    uitkomst TEXT NOT NULL,
    schooljaar TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_mdos_jaar ON mdos (samenwerkingsverband_id, schooljaar, datum, id);
CREATE INDEX ix_mdos_leerling ON mdos (leerling_id);
CREATE INDEX ix_mdos_school ON mdos (school_id);
