DROP TABLE auditregel_leerlingen;
DROP TABLE auditregels;
DROP TABLE leerlingen;
ALTER TABLE samenwerkingsverbanden DROP COLUMN bewaartermijn_jaren;
