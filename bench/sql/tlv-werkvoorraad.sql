-- GET /toelaatbaarheidsverklaringen/werkvoorraad, statement for statement (in one transaction
-- with its audit entry, which is left out here):
SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS (SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;
-- open requests and their advice, suspensions waiting for information, granted TLV's that end
-- within six months and the later requests of their pupils, open objections.
SELECT t.id, t.leerling_id, l.referentie, t.uiterlijke_beslisdatum FROM tlvs t INNER JOIN leerlingen l ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND t.status = 'in_behandeling';
SELECT a.tlv_id, a.deskundige, a.discipline FROM tlv_adviezen a INNER JOIN tlvs t ON a.tlv_id = t.id WHERE t.samenwerkingsverband_id = :swv AND t.status = 'in_behandeling';
SELECT t.id, t.leerling_id, l.referentie, o.van FROM tlv_opschortingen o INNER JOIN tlvs t ON o.tlv_id = t.id INNER JOIN leerlingen l ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND t.status = 'in_behandeling' AND o.tot IS NULL AND o.reden = 'aanvulling' AND o.van < CURRENT_DATE - 14;
SELECT t.id, t.leerling_id, l.referentie, t.ontvangen_op, t.einddatum FROM tlvs t INNER JOIN leerlingen l ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND t.status = 'toegekend' AND t.einddatum >= CURRENT_DATE AND t.einddatum <= CURRENT_DATE + 183;
SELECT leerling_id, ontvangen_op FROM tlvs WHERE leerling_id IN (SELECT leerling_id FROM tlvs WHERE samenwerkingsverband_id = :swv AND status = 'toegekend' AND einddatum >= CURRENT_DATE AND einddatum <= CURRENT_DATE + 183) AND status <> 'ingetrokken';
SELECT t.id, t.leerling_id, l.referentie, b.ontvangen_op FROM tlv_bezwaren b INNER JOIN tlvs t ON b.tlv_id = t.id INNER JOIN leerlingen l ON t.leerling_id = l.id WHERE t.samenwerkingsverband_id = :swv AND b.uitkomst IS NULL;
