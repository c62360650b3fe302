-- Every request with a bearer token: is its session (or client) still as issued? (auth/revocation.rs)
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
