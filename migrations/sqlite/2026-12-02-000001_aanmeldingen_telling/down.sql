DROP INDEX ix_aanmeldingen_telling;
