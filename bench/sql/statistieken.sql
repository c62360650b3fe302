-- GET /bijeenkomsten/statistieken?schooljaar=2024-2025: the year's meetings, then (with their ids,
-- as the handler passes them) the registrations by status and attendance, present per school and
-- per function, and the boards of the schools.
SELECT id, soort, status, start, streef_opkomst, streef_percentage, doelgroep_omvang FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND schooljaar = '2024-2025';
SELECT bijeenkomst_id, status, aanwezig, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) GROUP BY bijeenkomst_id, status, aanwezig;
SELECT school_id, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) AND status = 'aangemeld' AND aanwezig = true GROUP BY school_id;
SELECT functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) AND status = 'aangemeld' AND aanwezig = true GROUP BY functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv;
