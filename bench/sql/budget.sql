-- GET /arrangementen/budget?schooljaar=2025-2026&peildatum=2026-03-15, statement for statement:
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- the werkgebieden, the year's budgets, and the granted arrangementen that touch this year or
-- the one before (the estimate follows last year's curve).
SELECT id, naam FROM werkgebieden WHERE samenwerkingsverband_id = :swv ORDER BY naam, id;
SELECT werkgebied_id, bedrag_cent FROM budgetten WHERE samenwerkingsverband_id = :swv AND schooljaar = '2025-2026';
SELECT werkgebied_id, startdatum, einddatum, bedrag_cent, toegekend_op FROM arrangementen WHERE samenwerkingsverband_id = :swv AND status IN ('toegekend', 'beeindigd') AND startdatum <= '2026-07-31' AND einddatum >= '2024-08-01';
