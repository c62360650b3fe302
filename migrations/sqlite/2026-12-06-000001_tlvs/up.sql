-- TLV's (toelaatbaarheidsverklaringen): the request with its legal clock, its current decision
-- and objection, and the pupil's outflow; the expert advice and suspensions of each request, and
-- the decisions a `gegrond` objection set aside.
ALTER TABLE samenwerkingsverbanden ADD COLUMN beslistermijn_dagen INTEGER NOT NULL DEFAULT 42;

CREATE TABLE tlvs (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    leerling_id TEXT NOT NULL REFERENCES leerlingen (id) ON DELETE CASCADE,
    school_van_herkomst_id TEXT REFERENCES scholen (id),
    soort TEXT NOT NULL,
    categorie TEXT,
    aanvraag TEXT NOT NULL,
    verlenging_van_id TEXT REFERENCES tlvs (id),
    tijdelijk BOOLEAN NOT NULL,
    ontvangen_op DATE NOT NULL,
    verdaging_dagen INTEGER NOT NULL,
    verdaging_reden TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    -- The clock: its start (ontvangen_op, or the day a gegrond objection reopened the request),
    -- the deadline (null while suspended) and, while suspended, the days that were left.
    termijn_vanaf DATE NOT NULL,
    uiterlijke_beslisdatum DATE,
    resterend_bij_opschorting INTEGER,
    besluit_datum DATE,
    besluit_verzonden_op DATE,
    besluit_uitkomst TEXT,
    ingangsdatum DATE,
    einddatum DATE,
    voorziening_school_id TEXT REFERENCES scholen (id),
    motivering TEXT NOT NULL DEFAULT '',
    uitstroom_datum DATE,
    uitstroom_vervolg TEXT,
    schooljaar TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_tlvs_jaar ON tlvs (samenwerkingsverband_id, schooljaar, ontvangen_op, id);
CREATE INDEX ix_tlvs_besluit ON tlvs (samenwerkingsverband_id, besluit_datum);
CREATE INDEX ix_tlvs_open ON tlvs (samenwerkingsverband_id, status, uiterlijke_beslisdatum);
CREATE INDEX ix_tlvs_leerling ON tlvs (leerling_id);
CREATE INDEX ix_tlvs_herkomst ON tlvs (school_van_herkomst_id);
CREATE INDEX ix_tlvs_voorziening ON tlvs (voorziening_school_id);
CREATE INDEX ix_tlvs_verlenging ON tlvs (verlenging_van_id);

-- The objection to the current decision (at most one).
CREATE TABLE tlv_bezwaren (
    tlv_id TEXT PRIMARY KEY NOT NULL REFERENCES tlvs (id) ON DELETE CASCADE,
    ontvangen_op DATE NOT NULL,
    verschoonbaar BOOLEAN NOT NULL,
    advies_lbt TEXT,
    uitkomst TEXT,
    beslist_op DATE
);
CREATE INDEX ix_tlv_bezwaren_open ON tlv_bezwaren (uitkomst, ontvangen_op);

CREATE TABLE tlv_adviezen (
    id TEXT PRIMARY KEY NOT NULL,
    tlv_id TEXT NOT NULL REFERENCES tlvs (id) ON DELETE CASCADE,
    deskundige TEXT NOT NULL,
    discipline TEXT NOT NULL,
    datum DATE NOT NULL,
    advies TEXT NOT NULL,
    toelichting TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_tlv_adviezen_tlv ON tlv_adviezen (tlv_id, datum);

CREATE TABLE tlv_opschortingen (
    id TEXT PRIMARY KEY NOT NULL,
    tlv_id TEXT NOT NULL REFERENCES tlvs (id) ON DELETE CASCADE,
    van DATE NOT NULL,
    tot DATE,
    reden TEXT NOT NULL,
    toelichting TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_tlv_opschortingen_tlv ON tlv_opschortingen (tlv_id, van);

CREATE TABLE tlv_eerdere_besluiten (
    id TEXT PRIMARY KEY NOT NULL,
    tlv_id TEXT NOT NULL REFERENCES tlvs (id) ON DELETE CASCADE,
    besluit_datum DATE NOT NULL,
    besluit_verzonden_op DATE NOT NULL,
    besluit_uitkomst TEXT NOT NULL,
    ingangsdatum DATE,
    einddatum DATE,
    voorziening_school_id TEXT REFERENCES scholen (id),
    motivering TEXT NOT NULL DEFAULT '',
    bezwaar_ontvangen_op DATE NOT NULL,
    bezwaar_verschoonbaar BOOLEAN NOT NULL,
    bezwaar_advies_lbt TEXT,
    bezwaar_uitkomst TEXT NOT NULL,
    bezwaar_beslist_op DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_tlv_eerdere_besluiten_tlv ON tlv_eerdere_besluiten (tlv_id, besluit_datum);
CREATE INDEX ix_tlv_eerdere_besluiten_voorziening ON tlv_eerdere_besluiten (voorziening_school_id);
