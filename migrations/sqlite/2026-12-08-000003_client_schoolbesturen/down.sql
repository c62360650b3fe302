DROP TABLE client_schoolbesturen;
