-- A measurable target on an activity: at least/at most a number or a percentage, measured by
-- Koers from the activity's linked meetings.
ALTER TABLE activiteiten ADD COLUMN streef_richting TEXT;
ALTER TABLE activiteiten ADD COLUMN streef_waarde DOUBLE PRECISION;
ALTER TABLE activiteiten ADD COLUMN streef_eenheid TEXT;
