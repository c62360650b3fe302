-- GET /bijeenkomsten/{id}/opkomst: the meeting, its registrations in one grouped count, and the
-- boards of the SWV's schools.
SELECT id FROM bijeenkomsten WHERE samenwerkingsverband_id = :swv AND id = :bk LIMIT 1;
SELECT bijeenkomst_id, status, aanwezig, school_id, functie, COUNT(*) FROM aanmeldingen WHERE bijeenkomst_id = ANY (ARRAY[:bk]) GROUP BY bijeenkomst_id, status, aanwezig, school_id, functie;
SELECT s.id, b.id, b.naam FROM scholen s JOIN schoolbesturen b ON b.id = s.schoolbestuur_id WHERE s.samenwerkingsverband_id = :swv;
