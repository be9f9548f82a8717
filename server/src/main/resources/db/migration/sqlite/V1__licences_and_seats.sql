-- A licence is either one address (licence_key contains '@') or a whole domain; until is the
-- licence's last valid day (ISO text, compared lexically). A seat is a commercial user's address,
-- stored for as long as its licence lasts. Free addresses are never stored anywhere.
CREATE TABLE licence (
	id INTEGER PRIMARY KEY,
	licence_key TEXT NOT NULL UNIQUE,
	until TEXT NOT NULL,
	customer TEXT
);
CREATE TABLE seat (
	address TEXT PRIMARY KEY,
	licence_id INTEGER NOT NULL REFERENCES licence (id),
	until TEXT NOT NULL
);
CREATE INDEX seat_licence ON seat (licence_id);
-- bumped by every change of the licence list, so that each instance reloads its in-memory copy
CREATE TABLE directory_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
