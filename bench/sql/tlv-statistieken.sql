-- GET /toelaatbaarheidsverklaringen/statistieken?schooljaar=2025-2026, statement for statement:
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- the decisions of this year and the year before with the pupils' months of birth, the SWV's
-- sector, its schools and werkgebieden, the requests received and the outflow of the year.
SELECT t.soort, t.categorie, t.aanvraag, t.status, t.besluit_datum, t.uiterlijke_beslisdatum, t.ingangsdatum, t.einddatum, t.tijdelijk, t.school_van_herkomst_id, l.geboortemaand FROM tlvs t INNER JOIN leerlingen l ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND t.besluit_datum >= '2024-08-01' AND t.besluit_datum <= '2026-07-31';
SELECT sector FROM samenwerkingsverbanden WHERE id = :swv LIMIT 1;
SELECT id, soort, werkgebied_id FROM scholen WHERE samenwerkingsverband_id = :swv;
SELECT id, naam FROM werkgebieden WHERE samenwerkingsverband_id = :swv ORDER BY naam;
SELECT school_van_herkomst_id, ontvangen_op FROM tlvs WHERE samenwerkingsverband_id = :swv AND ontvangen_op >= '2025-08-01' AND ontvangen_op <= '2026-07-31';
SELECT uitstroom_vervolg FROM tlvs WHERE samenwerkingsverband_id = :swv AND uitstroom_datum >= '2025-08-01' AND uitstroom_datum <= '2026-07-31';
