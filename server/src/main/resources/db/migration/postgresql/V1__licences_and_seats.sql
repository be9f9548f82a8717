-- A licence is either one address (licence_key contains '@') or a whole domain; until is the
-- licence's last valid day. A seat is a commercial user's address, stored for as long as its
-- licence lasts. Free addresses are never stored anywhere.
CREATE TABLE licence (
	id BIGSERIAL PRIMARY KEY,
	licence_key TEXT NOT NULL UNIQUE,
	until DATE NOT NULL,
	customer TEXT
);
CREATE TABLE seat (
	address TEXT PRIMARY KEY,
	licence_id BIGINT NOT NULL REFERENCES licence (id),
	until DATE NOT NULL
);
CREATE INDEX seat_licence ON seat (licence_id);
-- bumped by every change of the licence list, so that each instance reloads its in-memory copy
CREATE TABLE directory_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
-- no planner statistics on the keys: ANALYZE would copy sample values (addresses) into
-- pg_statistic, where a purge would not reach them
ALTER TABLE seat ALTER COLUMN address SET STATISTICS 0;
ALTER TABLE licence ALTER COLUMN licence_key SET STATISTICS 0;
