DROP TABLE tlv_eerdere_besluiten;
DROP TABLE tlv_opschortingen;
DROP TABLE tlv_adviezen;
DROP TABLE tlv_bezwaren;
DROP TABLE tlvs;
ALTER TABLE samenwerkingsverbanden DROP COLUMN beslistermijn_dagen;
