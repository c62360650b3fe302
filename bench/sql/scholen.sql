-- GET /scholen?soort=bao&sort=naam: the count and the first page, as the handler runs them.
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
SELECT COUNT(*) FROM scholen WHERE samenwerkingsverband_id = :swv AND soort = 'bao';
SELECT id, samenwerkingsverband_id, naam, brin, soort, schoolbestuur_id, gemeente_id, werkgebied_id, leerlingaantal, created_at, updated_at, versie FROM scholen WHERE samenwerkingsverband_id = :swv AND soort = 'bao' ORDER BY naam ASC, id ASC LIMIT 50 OFFSET 0;
