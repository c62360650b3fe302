-- Thuiszitters: a pupil's period out of school (or at risk of it) with how its situation
-- changes over time, so a count on any date is exact; and the counts frozen on peildata as
-- they were reported.
ALTER TABLE samenwerkingsverbanden ADD COLUMN peildata TEXT NOT NULL DEFAULT '09-15,12-15,03-15,06-15';

CREATE TABLE thuiszitters (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    leerling_id TEXT NOT NULL REFERENCES leerlingen (id) ON DELETE CASCADE,
    school_id TEXT REFERENCES scholen (id),
    startdatum DATE NOT NULL,
    einddatum DATE,
    eindreden TEXT,
    toelichting TEXT NOT NULL DEFAULT '',
    -- The latest verloop entry's category and perspective, kept with the case so lists can be
    -- filtered on them.
    laatste_categorie TEXT NOT NULL,
    laatste_perspectief TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_thuiszitters_periode ON thuiszitters (samenwerkingsverband_id, startdatum, einddatum);
CREATE INDEX ix_thuiszitters_leerling ON thuiszitters (leerling_id);
CREATE INDEX ix_thuiszitters_school ON thuiszitters (school_id);

CREATE TABLE thuiszitter_verloop (
    id TEXT PRIMARY KEY NOT NULL,
    thuiszitter_id TEXT NOT NULL REFERENCES thuiszitters (id) ON DELETE CASCADE,
    vanaf DATE NOT NULL,
    categorie TEXT NOT NULL,
    scenario TEXT,
    screening5a BOOLEAN NOT NULL,
    perspectief TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (thuiszitter_id, vanaf)
);

-- A count as it was reported: the telling is kept whole, so later corrections never change it.
CREATE TABLE thuiszitter_peildata (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    datum DATE NOT NULL,
    vastgesteld_op TIMESTAMP NOT NULL,
    vastgesteld_door_id TEXT NOT NULL REFERENCES gebruikers (id),
    telling TEXT NOT NULL,
    UNIQUE (samenwerkingsverband_id, datum)
);
CREATE INDEX ix_thuiszitter_peildata_door ON thuiszitter_peildata (vastgesteld_door_id);
