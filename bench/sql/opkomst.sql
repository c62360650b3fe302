-- GET /bijeenkomsten/{id}/opkomst, statement for statement: the meeting, its registrations
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- counted by status and attendance, the present ones per school and function, and the boards of
-- the schools that came (:bkschools).
SELECT id FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND id = :bk LIMIT 1;
SELECT bijeenkomst_id, status, aanwezig, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (ARRAY[:bk]) GROUP BY bijeenkomst_id, status, aanwezig;
SELECT school_id, functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (ARRAY[:bk]) AND status = 'aangemeld' AND aanwezig = true GROUP BY school_id, functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv AND s.id = ANY (:bkschools::text[]);
