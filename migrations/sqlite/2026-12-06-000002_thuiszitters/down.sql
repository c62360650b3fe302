DROP TABLE thuiszitter_peildata;
DROP TABLE thuiszitter_verloop;
DROP TABLE thuiszitters;
ALTER TABLE samenwerkingsverbanden DROP COLUMN peildata;
