-- The monitor's raw counts of one SWV for one school year, kept until anything they are counted
-- from changes: a platform-wide JOP monitor then sums 150 stored rows instead of reading every
-- record of the year. Every write to a source table drops the SWV's rows in the same transaction
-- (the triggers below), so a stored row is never older than the data it counts; `vandaag` is the
-- day it was counted for (the current year counts up to today). No foreign key: a row is dropped
-- with its SWV by trigger, and nothing refers to it.
CREATE TABLE monitor_tussenstanden (
    samenwerkingsverband_id TEXT NOT NULL,
    schooljaar TEXT NOT NULL,
    indeling TEXT NOT NULL,
    vandaag DATE NOT NULL,
    ruw TEXT NOT NULL,
    PRIMARY KEY (samenwerkingsverband_id, schooljaar, indeling)
);

-- A writer holds the SWV's lock shared until it commits; whoever stores a count takes it
-- exclusively and only when it is free, so a count read beside a write that is not yet
-- committed is never stored (the key pair is also in monitor/store/tussenstand.rs).
CREATE FUNCTION monitor_vervalt(swv TEXT) RETURNS void AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7311, hashtext(swv));
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = swv;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION monitor_vervalt_swv() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM monitor_vervalt(OLD.samenwerkingsverband_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT'
        OR NEW.samenwerkingsverband_id IS DISTINCT FROM OLD.samenwerkingsverband_id) THEN
        PERFORM monitor_vervalt(NEW.samenwerkingsverband_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION monitor_vervalt_verloop() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM monitor_vervalt(samenwerkingsverband_id) FROM thuiszitters WHERE id = OLD.thuiszitter_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM monitor_vervalt(samenwerkingsverband_id) FROM thuiszitters WHERE id = NEW.thuiszitter_id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION monitor_vervalt_eigen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM monitor_vervalt(OLD.id);
    ELSE
        PERFORM monitor_vervalt(NEW.id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A change of the municipal division moves every count: all rows go, under the one lock that
-- every store takes shared.
CREATE FUNCTION monitor_vervalt_alles() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7312, 0);
    DELETE FROM monitor_tussenstanden;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Only the columns the monitor counts by; registrations count only once someone was present.
CREATE TRIGGER monitor_scholen AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, gemeente_id
    ON scholen FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_leerlingen AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, woongemeente_id, geboortemaand
    ON leerlingen FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_bijeenkomsten AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, schooljaar, status
    ON bijeenkomsten FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_aanmeldingen_nieuw AFTER INSERT ON aanmeldingen
    FOR EACH ROW WHEN (NEW.aanwezig) EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_aanmeldingen_weg AFTER DELETE ON aanmeldingen
    FOR EACH ROW WHEN (OLD.aanwezig) EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_aanmeldingen AFTER UPDATE OF samenwerkingsverband_id, bijeenkomst_id, school_id, aanwezig
    ON aanmeldingen FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_tlvs AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, leerling_id, soort, besluit_datum, besluit_uitkomst
    ON tlvs FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_arrangementen AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, soort, leerling_id, school_id, startdatum, status, schooljaar
    ON arrangementen FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_mdos AFTER INSERT OR DELETE OR UPDATE OF samenwerkingsverband_id, datum, school_id, ondersteuningsniveau
    ON mdos FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_thuiszitters AFTER INSERT OR DELETE OR UPDATE
    ON thuiszitters FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_thuiszitter_peildata AFTER INSERT OR DELETE OR UPDATE
    ON thuiszitter_peildata FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_swv();
CREATE TRIGGER monitor_thuiszitter_verloop AFTER INSERT OR DELETE OR UPDATE
    ON thuiszitter_verloop FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_verloop();
CREATE TRIGGER monitor_samenwerkingsverbanden AFTER DELETE OR UPDATE OF peildata
    ON samenwerkingsverbanden FOR EACH ROW EXECUTE FUNCTION monitor_vervalt_eigen();
CREATE TRIGGER monitor_gemeenten AFTER INSERT OR DELETE OR UPDATE
    ON gemeenten FOR EACH STATEMENT EXECUTE FUNCTION monitor_vervalt_alles();
