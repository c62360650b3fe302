-- GET /bijeenkomsten/statistieken?schooljaar=2024-2025, statement for statement: the year's
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- meetings, their registrations counted per meeting, status and attendance, the present ones per
-- school and function (with the ids, as the handler passes them), and the boards of the schools
-- that came (:schools, as the handler finds them).
SELECT id, samenwerkingsverband_id, titel, omschrijving, soort, start, eind, schooljaar, vorm, locatie, min_deelnemers, max_deelnemers, streef_opkomst, streef_percentage, doelgroep_omvang, status FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND schooljaar = '2024-2025';
SELECT bijeenkomst_id, status, aanwezig, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) GROUP BY bijeenkomst_id, status, aanwezig;
SELECT school_id, functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (:ids::text[]) AND status = 'aangemeld' AND aanwezig = true GROUP BY school_id, functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv AND s.id = ANY (:schools::text[]);
