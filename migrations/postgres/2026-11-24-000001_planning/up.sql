CREATE TABLE ondersteuningsplannen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    titel TEXT NOT NULL,
    van_jaar INTEGER NOT NULL,
    tot_jaar INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_ondersteuningsplannen_swv ON ondersteuningsplannen (samenwerkingsverband_id, van_jaar);

CREATE TABLE ambities (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    ondersteuningsplan_id TEXT NOT NULL REFERENCES ondersteuningsplannen (id),
    nummer INTEGER NOT NULL,
    titel TEXT NOT NULL,
    doelstelling TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_ambities__nummer UNIQUE (ondersteuningsplan_id, nummer)
);
CREATE INDEX ix_ambities_swv ON ambities (samenwerkingsverband_id, nummer);

CREATE TABLE activiteitenplannen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    ondersteuningsplan_id TEXT NOT NULL REFERENCES ondersteuningsplannen (id),
    schooljaar TEXT NOT NULL,
    status TEXT NOT NULL,
    vooruitblik TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_activiteitenplannen__schooljaar UNIQUE (samenwerkingsverband_id, schooljaar)
);
CREATE INDEX ix_activiteitenplannen_ondersteuningsplan ON activiteitenplannen (ondersteuningsplan_id);
CREATE INDEX ix_activiteitenplannen_swv_status ON activiteitenplannen (samenwerkingsverband_id, status);

CREATE TABLE portefeuilles (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    omschrijving TEXT,
    jaarplan TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_portefeuilles__naam UNIQUE (samenwerkingsverband_id, naam)
);

CREATE TABLE portefeuille_eigenaren (
    portefeuille_id TEXT NOT NULL REFERENCES portefeuilles (id) ON DELETE CASCADE,
    gebruiker_id TEXT NOT NULL REFERENCES gebruikers (id),
    PRIMARY KEY (portefeuille_id, gebruiker_id)
);
CREATE INDEX ix_portefeuille_eigenaren_gebruiker ON portefeuille_eigenaren (gebruiker_id);

CREATE TABLE portefeuille_ambities (
    portefeuille_id TEXT NOT NULL REFERENCES portefeuilles (id) ON DELETE CASCADE,
    ambitie_id TEXT NOT NULL REFERENCES ambities (id),
    PRIMARY KEY (portefeuille_id, ambitie_id)
);
CREATE INDEX ix_portefeuille_ambities_ambitie ON portefeuille_ambities (ambitie_id);

CREATE TABLE projecten (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    naam TEXT NOT NULL,
    omschrijving TEXT,
    portefeuille_id TEXT REFERENCES portefeuilles (id),
    status TEXT NOT NULL,
    startdatum DATE,
    einddatum DATE,
    partner TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL,
    CONSTRAINT uq_projecten__naam UNIQUE (samenwerkingsverband_id, naam)
);
CREATE INDEX ix_projecten_portefeuille ON projecten (portefeuille_id);
CREATE INDEX ix_projecten_swv_status ON projecten (samenwerkingsverband_id, status);
CREATE INDEX ix_projecten_swv_einddatum ON projecten (samenwerkingsverband_id, einddatum);

CREATE TABLE project_ambities (
    project_id TEXT NOT NULL REFERENCES projecten (id) ON DELETE CASCADE,
    ambitie_id TEXT NOT NULL REFERENCES ambities (id),
    PRIMARY KEY (project_id, ambitie_id)
);
CREATE INDEX ix_project_ambities_ambitie ON project_ambities (ambitie_id);

CREATE TABLE project_scholen (
    project_id TEXT NOT NULL REFERENCES projecten (id) ON DELETE CASCADE,
    school_id TEXT NOT NULL REFERENCES scholen (id),
    PRIMARY KEY (project_id, school_id)
);
CREATE INDEX ix_project_scholen_school ON project_scholen (school_id);

CREATE TABLE project_financiering (
    project_id TEXT NOT NULL REFERENCES projecten (id) ON DELETE CASCADE,
    positie INTEGER NOT NULL,
    bron TEXT NOT NULL,
    bedrag_cent BIGINT NOT NULL,
    PRIMARY KEY (project_id, positie)
);

CREATE TABLE voortgangsverslagen (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    project_id TEXT NOT NULL REFERENCES projecten (id) ON DELETE CASCADE,
    datum DATE NOT NULL,
    toelichting TEXT NOT NULL,
    signaal TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_voortgangsverslagen_project ON voortgangsverslagen (project_id, datum);
CREATE INDEX ix_voortgangsverslagen_swv ON voortgangsverslagen (samenwerkingsverband_id);

CREATE TABLE activiteiten (
    id TEXT PRIMARY KEY NOT NULL,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    activiteitenplan_id TEXT NOT NULL REFERENCES activiteitenplannen (id),
    ambitie_id TEXT NOT NULL REFERENCES ambities (id),
    omschrijving TEXT NOT NULL,
    soort TEXT NOT NULL,
    portefeuille_id TEXT REFERENCES portefeuilles (id),
    project_id TEXT REFERENCES projecten (id),
    streefwaarde TEXT,
    verantwoordelijke_id TEXT REFERENCES gebruikers (id),
    herkomst_id TEXT REFERENCES activiteiten (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    versie INTEGER NOT NULL
);
CREATE INDEX ix_activiteiten_activiteitenplan ON activiteiten (activiteitenplan_id, created_at);
CREATE INDEX ix_activiteiten_ambitie ON activiteiten (ambitie_id);
CREATE INDEX ix_activiteiten_portefeuille ON activiteiten (portefeuille_id);
CREATE INDEX ix_activiteiten_project ON activiteiten (project_id);
CREATE INDEX ix_activiteiten_verantwoordelijke ON activiteiten (verantwoordelijke_id);
CREATE INDEX ix_activiteiten_herkomst ON activiteiten (herkomst_id);
CREATE INDEX ix_activiteiten_swv_soort ON activiteiten (samenwerkingsverband_id, soort);

CREATE TABLE evaluaties (
    activiteit_id TEXT PRIMARY KEY NOT NULL REFERENCES activiteiten (id) ON DELETE CASCADE,
    samenwerkingsverband_id TEXT NOT NULL REFERENCES samenwerkingsverbanden (id),
    status TEXT NOT NULL,
    toelichting TEXT,
    resultaat DOUBLE PRECISION,
    signaal TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_evaluaties_swv_status ON evaluaties (samenwerkingsverband_id, status);
CREATE INDEX ix_evaluaties_swv_signaal ON evaluaties (samenwerkingsverband_id, signaal);
