-- Pupils are kept under a pseudonymous reference only; the retention period says how long a
-- pupil's records stay traceable after the last one ended.
ALTER TABLE samenwerkingsverbanden ADD COLUMN bewaartermijn_jaren INTEGER NOT NULL DEFAULT 2;

CREATE TABLE leerlingen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    referentie TEXT NOT NULL,
    geboortemaand TEXT NOT NULL,
    geslacht TEXT NOT NULL,
    woongemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
    school_id TEXT REFERENCES scholen (id),
    leerjaar INTEGER,
    geanonimiseerd BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
-- A reference is unique within the SWV whatever its case.
CREATE UNIQUE INDEX uq_leerlingen__referentie ON leerlingen (samenwerkingsverband_id, lower(referentie));
-- The list's default order within the SWV.
CREATE INDEX ix_leerlingen_swv_referentie ON leerlingen (samenwerkingsverband_id, referentie, id);
CREATE INDEX ix_leerlingen_school ON leerlingen (school_id);
CREATE INDEX ix_leerlingen_woongemeente ON leerlingen (woongemeente_id);

-- The audit trail outlives the pupils it names: no foreign keys, so a deleted pupil's entries stay.
CREATE TABLE auditregels (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    tijdstip TIMESTAMP NOT NULL,
    gebruiker_id TEXT NOT NULL,
    actie TEXT NOT NULL,
    pad TEXT NOT NULL
);
CREATE INDEX ix_auditregels_tijdstip ON auditregels (samenwerkingsverband_id, tijdstip, id);
CREATE INDEX ix_auditregels_gebruiker ON auditregels (gebruiker_id);

CREATE TABLE auditregel_leerlingen (
    auditregel_id TEXT NOT NULL REFERENCES auditregels (id) ON DELETE CASCADE,
    leerling_id TEXT NOT NULL,
    PRIMARY KEY (auditregel_id, leerling_id)
);
CREATE INDEX ix_auditregel_leerlingen_leerling ON auditregel_leerlingen (leerling_id);
