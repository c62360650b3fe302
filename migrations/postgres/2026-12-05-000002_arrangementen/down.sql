DROP TABLE mdos;
DROP TABLE budgetten;
DROP TABLE arrangementen;
