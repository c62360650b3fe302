ALTER TABLE activiteiten DROP COLUMN streef_eenheid;
ALTER TABLE activiteiten DROP COLUMN streef_waarde;
ALTER TABLE activiteiten DROP COLUMN streef_richting;
