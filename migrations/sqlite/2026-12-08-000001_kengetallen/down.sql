DROP TABLE kengetal_waarden;
DROP TABLE kengetallen;
