DROP TABLE schoolcontacten;
ALTER TABLE samenwerkingsverbanden DROP COLUMN minimum_schoolcontacten;
DROP INDEX ix_scholen_consulent;
ALTER TABLE scholen DROP COLUMN consulent_id;
