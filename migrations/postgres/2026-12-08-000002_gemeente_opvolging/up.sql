-- Municipal mergers: the first day a gemeente no longer exists, and the gemeente that took it over.
-- Old records keep pointing at the predecessor; counts follow the chain to the gemeente of the day.
ALTER TABLE gemeenten ADD COLUMN actief_tot DATE;
ALTER TABLE gemeenten ADD COLUMN opgevolgd_door_id TEXT REFERENCES gemeenten (id);
CREATE INDEX gemeenten_opgevolgd_door ON gemeenten (opgevolgd_door_id);
