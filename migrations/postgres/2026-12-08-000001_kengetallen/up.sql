-- The KPIs an SWV steers by (ken- en stuurgetallen), and the values entered by hand per school
-- year. A computed KPI is measured from the registrations and has no entered values.
CREATE TABLE kengetallen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    eenheid TEXT NOT NULL,
    richting TEXT NOT NULL,
    streefwaarde DOUBLE PRECISION NOT NULL,
    bron TEXT NOT NULL,
    bijeenkomst_soort TEXT,
    volgorde INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_kengetallen_swv ON kengetallen (samenwerkingsverband_id, volgorde);

CREATE TABLE kengetal_waarden (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    kengetal_id TEXT NOT NULL REFERENCES kengetallen (id) ON DELETE CASCADE,
    schooljaar TEXT NOT NULL,
    waarde DOUBLE PRECISION,
    toelichting TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE UNIQUE INDEX uq_kengetal_waarden__schooljaar ON kengetal_waarden (kengetal_id, schooljaar);
