DROP TABLE aanmeldingen;
DROP TABLE bijeenkomsten;
