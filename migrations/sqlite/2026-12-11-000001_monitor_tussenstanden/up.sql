-- The monitor's raw counts of one SWV for one school year, kept until anything they are counted
-- from changes: every write to a source table drops the SWV's rows in the same transaction (the
-- triggers below), so a stored row is never older than the data it counts; `vandaag` is the day
-- it was counted for. Writes are serialised in the process, so a count is stored inside the
-- write lock and no write can fall between counting and storing.
CREATE TABLE monitor_tussenstanden (
    samenwerkingsverband_id TEXT NOT NULL,
    schooljaar TEXT NOT NULL,
    indeling TEXT NOT NULL,
    vandaag DATE NOT NULL,
    ruw TEXT NOT NULL,
    PRIMARY KEY (samenwerkingsverband_id, schooljaar, indeling)
);

-- Only the columns the monitor counts by; registrations count only once someone was present.
CREATE TRIGGER monitor_scholen_nieuw AFTER INSERT ON scholen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_scholen_weg AFTER DELETE ON scholen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_scholen_anders AFTER UPDATE OF samenwerkingsverband_id, gemeente_id ON scholen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_leerlingen_nieuw AFTER INSERT ON leerlingen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_leerlingen_weg AFTER DELETE ON leerlingen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_leerlingen_anders AFTER UPDATE OF samenwerkingsverband_id, woongemeente_id, geboortemaand ON leerlingen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_bijeenkomsten_nieuw AFTER INSERT ON bijeenkomsten BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_bijeenkomsten_weg AFTER DELETE ON bijeenkomsten BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_bijeenkomsten_anders AFTER UPDATE OF samenwerkingsverband_id, schooljaar, status ON bijeenkomsten BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_aanmeldingen_nieuw AFTER INSERT ON aanmeldingen WHEN NEW.aanwezig BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_aanmeldingen_weg AFTER DELETE ON aanmeldingen WHEN OLD.aanwezig BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_aanmeldingen_anders AFTER UPDATE OF samenwerkingsverband_id, bijeenkomst_id, school_id, aanwezig ON aanmeldingen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_tlvs_nieuw AFTER INSERT ON tlvs BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_tlvs_weg AFTER DELETE ON tlvs BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_tlvs_anders AFTER UPDATE OF samenwerkingsverband_id, leerling_id, soort, besluit_datum, besluit_uitkomst ON tlvs BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_arrangementen_nieuw AFTER INSERT ON arrangementen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_arrangementen_weg AFTER DELETE ON arrangementen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_arrangementen_anders AFTER UPDATE OF samenwerkingsverband_id, soort, leerling_id, school_id, startdatum, status, schooljaar ON arrangementen BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_mdos_nieuw AFTER INSERT ON mdos BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_mdos_weg AFTER DELETE ON mdos BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_mdos_anders AFTER UPDATE OF samenwerkingsverband_id, datum, school_id, ondersteuningsniveau ON mdos BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitters_nieuw AFTER INSERT ON thuiszitters BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitters_weg AFTER DELETE ON thuiszitters BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitters_anders AFTER UPDATE ON thuiszitters BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitter_peildata_nieuw AFTER INSERT ON thuiszitter_peildata BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitter_peildata_weg AFTER DELETE ON thuiszitter_peildata BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitter_peildata_anders AFTER UPDATE ON thuiszitter_peildata BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.samenwerkingsverband_id;
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = NEW.samenwerkingsverband_id;
END;
CREATE TRIGGER monitor_thuiszitter_verloop_nieuw AFTER INSERT ON thuiszitter_verloop BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = (SELECT samenwerkingsverband_id FROM thuiszitters WHERE id = NEW.thuiszitter_id);
END;
CREATE TRIGGER monitor_thuiszitter_verloop_weg AFTER DELETE ON thuiszitter_verloop BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = (SELECT samenwerkingsverband_id FROM thuiszitters WHERE id = OLD.thuiszitter_id);
END;
CREATE TRIGGER monitor_thuiszitter_verloop_anders AFTER UPDATE ON thuiszitter_verloop BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = (SELECT samenwerkingsverband_id FROM thuiszitters WHERE id = OLD.thuiszitter_id);
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = (SELECT samenwerkingsverband_id FROM thuiszitters WHERE id = NEW.thuiszitter_id);
END;
CREATE TRIGGER monitor_samenwerkingsverbanden_weg AFTER DELETE ON samenwerkingsverbanden BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.id;
END;
CREATE TRIGGER monitor_samenwerkingsverbanden_anders AFTER UPDATE OF peildata ON samenwerkingsverbanden BEGIN
    DELETE FROM monitor_tussenstanden WHERE samenwerkingsverband_id = OLD.id;
END;
CREATE TRIGGER monitor_gemeenten_nieuw AFTER INSERT ON gemeenten BEGIN
    DELETE FROM monitor_tussenstanden;
END;
CREATE TRIGGER monitor_gemeenten_weg AFTER DELETE ON gemeenten BEGIN
    DELETE FROM monitor_tussenstanden;
END;
CREATE TRIGGER monitor_gemeenten_anders AFTER UPDATE ON gemeenten BEGIN
    DELETE FROM monitor_tussenstanden;
END;
