-- Which gemeenten an SWV's pupils live in (the monitor's served gemeenten), read from the index
-- alone instead of from every pupil row.
CREATE INDEX ix_leerlingen_swv_woongemeente ON leerlingen (samenwerkingsverband_id, woongemeente_id);
