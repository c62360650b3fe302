DROP INDEX gemeenten_opgevolgd_door;
ALTER TABLE gemeenten DROP COLUMN opgevolgd_door_id;
ALTER TABLE gemeenten DROP COLUMN actief_tot;
