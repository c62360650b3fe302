-- GET /bijeenkomsten/{id}/opkomst: counts by status and attendance, present per school and function.
SELECT id FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND id = :bk LIMIT 1;
SELECT status, aanwezig, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = :bk GROUP BY status, aanwezig;
SELECT school_id, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = :bk AND status = 'aangemeld' AND aanwezig = true GROUP BY school_id;
SELECT functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = :bk AND status = 'aangemeld' AND aanwezig = true GROUP BY functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv;
