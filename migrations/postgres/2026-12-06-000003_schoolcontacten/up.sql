-- The consulent's week: the consulent of each school, the SWV's minimum of contacts per school a
-- year, and the contacts themselves with their follow-ups.
ALTER TABLE scholen ADD COLUMN consulent_id TEXT REFERENCES gebruikers (id);
CREATE INDEX ix_scholen_consulent ON scholen (consulent_id);
ALTER TABLE samenwerkingsverbanden ADD COLUMN minimum_schoolcontacten INTEGER NOT NULL DEFAULT 3;

CREATE TABLE schoolcontacten (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    school_id TEXT NOT NULL REFERENCES scholen (id),
    datum DATE NOT NULL,
    soort TEXT NOT NULL,
    consulent_id TEXT NOT NULL REFERENCES gebruikers (id),
    onderwerp TEXT NOT NULL,
    signaal TEXT,
    vervolg_op DATE,
    vervolg_gedaan BOOLEAN NOT NULL,
    schooljaar TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_schoolcontacten_jaar ON schoolcontacten (samenwerkingsverband_id, schooljaar, school_id);
CREATE INDEX ix_schoolcontacten_school ON schoolcontacten (school_id, datum);
CREATE INDEX ix_schoolcontacten_vervolg ON schoolcontacten (consulent_id, vervolg_gedaan, vervolg_op);
