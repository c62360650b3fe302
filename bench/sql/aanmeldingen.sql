-- GET /bijeenkomsten/{id}/aanmeldingen: the meeting, the count, a page, school names, queue.
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
SELECT id FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND id = :bk LIMIT 1;
SELECT COUNT(*) FROM aanmeldingen WHERE samenwerkingsverband_id = :swv AND bijeenkomst_id = :bk;
SELECT id, bijeenkomst_id, naam, email, school_id, functie, status, aanwezig, bron, created_at, updated_at, versie FROM aanmeldingen WHERE samenwerkingsverband_id = :swv AND bijeenkomst_id = :bk ORDER BY positie ASC, id ASC LIMIT 50 OFFSET 0;
SELECT s.id, s.naam FROM scholen s WHERE s.id IN (SELECT school_id FROM aanmeldingen WHERE bijeenkomst_id = :bk ORDER BY positie LIMIT 50);
SELECT bijeenkomst_id, id FROM aanmeldingen WHERE bijeenkomst_id = :bk AND status = 'wachtlijst' ORDER BY bijeenkomst_id, positie;
