-- GET /thuiszitters/telling?datum=2026-03-15, statement for statement:
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- the cases counting on the day, their verloop, and their pupils' gemeenten, months of birth
-- and those gemeenten's codes and names.
SELECT id, leerling_id, school_id, startdatum, einddatum, eindreden, toelichting, created_at, updated_at, versie FROM thuiszitters WHERE samenwerkingsverband_id = :swv AND startdatum <= '2026-03-15' AND (einddatum IS NULL OR einddatum > '2026-03-15') ORDER BY id;
SELECT id, thuiszitter_id, vanaf, categorie, scenario, screening5a, perspectief, created_at FROM thuiszitter_verloop WHERE thuiszitter_id IN (SELECT id FROM thuiszitters WHERE samenwerkingsverband_id = :swv AND startdatum <= '2026-03-15' AND (einddatum IS NULL OR einddatum > '2026-03-15')) ORDER BY thuiszitter_id, vanaf;
SELECT id, woongemeente_id FROM leerlingen WHERE id IN (SELECT leerling_id FROM thuiszitters WHERE samenwerkingsverband_id = :swv AND startdatum <= '2026-03-15' AND (einddatum IS NULL OR einddatum > '2026-03-15'));
SELECT id, geboortemaand FROM leerlingen WHERE id IN (SELECT leerling_id FROM thuiszitters WHERE samenwerkingsverband_id = :swv AND startdatum <= '2026-03-15' AND (einddatum IS NULL OR einddatum > '2026-03-15'));
SELECT id, cbs_code, naam FROM gemeenten WHERE id IN (SELECT l.woongemeente_id FROM leerlingen l INNER JOIN thuiszitters t ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND t.startdatum <= '2026-03-15' AND (t.einddatum IS NULL OR t.einddatum > '2026-03-15'));
