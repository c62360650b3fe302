-- Hours before the start at which registered participants get a reminder (null: none), and
-- when it went out (cleared when the start moves, so the new time is reminded of).
ALTER TABLE bijeenkomsten ADD COLUMN herinnering_uren_vooraf INTEGER DEFAULT 24;
ALTER TABLE bijeenkomsten ADD COLUMN herinnering_verstuurd_op TIMESTAMP;
