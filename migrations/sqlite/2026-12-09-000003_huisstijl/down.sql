ALTER TABLE samenwerkingsverbanden DROP COLUMN logo_type;
ALTER TABLE samenwerkingsverbanden DROP COLUMN logo;
ALTER TABLE samenwerkingsverbanden DROP COLUMN kleur;
