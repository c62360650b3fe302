-- GET /mdos/statistieken?schooljaar=2025-2026, statement for statement:
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- the schools with werkgebied and size, the werkgebieden, and the MDO's of this year and the
-- year before grouped by school, date, level, outcome and presence.
SELECT id, werkgebied_id, leerlingaantal FROM scholen WHERE samenwerkingsverband_id = :swv;
SELECT id, naam FROM werkgebieden WHERE samenwerkingsverband_id = :swv ORDER BY naam, id;
SELECT school_id, datum, ondersteuningsniveau, uitkomst, consulent_aanwezig, count(*) FROM mdos WHERE samenwerkingsverband_id = :swv AND schooljaar = '2025-2026' GROUP BY school_id, datum, ondersteuningsniveau, uitkomst, consulent_aanwezig;
SELECT school_id, datum, ondersteuningsniveau, uitkomst, consulent_aanwezig, count(*) FROM mdos WHERE samenwerkingsverband_id = :swv AND schooljaar = '2024-2025' GROUP BY school_id, datum, ondersteuningsniveau, uitkomst, consulent_aanwezig;
