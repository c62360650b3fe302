ALTER TABLE bijeenkomsten DROP COLUMN herinnering_verstuurd_op;
ALTER TABLE bijeenkomsten DROP COLUMN herinnering_uren_vooraf;
