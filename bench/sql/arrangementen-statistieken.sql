-- GET /arrangementen/statistieken?schooljaar=2025-2026, statement for statement:
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- the sector (its year groups), the year's granted arrangementen grouped by every breakdown,
-- the individual ones by the pupil's gender, the werkgebieden, and the year before.
SELECT sector FROM samenwerkingsverbanden WHERE id = :swv LIMIT 1;
SELECT werkgebied_id, soort, verlenging_van_id IS NOT NULL, categorie, leerjaar, startdatum, count(*) FROM arrangementen WHERE samenwerkingsverband_id = :swv AND schooljaar = '2025-2026' AND status IN ('toegekend', 'beeindigd') GROUP BY werkgebied_id, soort, verlenging_van_id, categorie, leerjaar, startdatum;
SELECT a.werkgebied_id, l.geslacht, count(*) FROM arrangementen a JOIN leerlingen l ON l.id = a.leerling_id WHERE a.samenwerkingsverband_id = :swv AND a.schooljaar = '2025-2026' AND a.status IN ('toegekend', 'beeindigd') GROUP BY a.werkgebied_id, l.geslacht;
SELECT id, naam FROM werkgebieden WHERE samenwerkingsverband_id = :swv ORDER BY naam, id;
SELECT soort, verlenging_van_id FROM arrangementen WHERE samenwerkingsverband_id = :swv AND schooljaar = '2024-2025' AND status IN ('toegekend', 'beeindigd');
