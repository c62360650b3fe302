-- GET /bijeenkomsten/statistieken?schooljaar=2024-2025: the year's meetings, their registrations
-- in one grouped count (with the ids, as the handler passes them), and the boards of the schools.
SELECT id, soort, status, start, streef_opkomst, streef_percentage, doelgroep_omvang FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND schooljaar = '2024-2025';
SELECT bijeenkomst_id, status, aanwezig, school_id, functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) GROUP BY bijeenkomst_id, status, aanwezig, school_id, functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv;
