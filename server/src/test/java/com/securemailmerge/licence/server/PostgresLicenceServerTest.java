package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;

/**
 * The contract on a real PostgreSQL started for the run. The whole data folder is searched,
 * pg_wal included, for the free address and the bad requests: they never reach the database. After
 * the purge (DELETE, then VACUUM FULL) and a CHECKPOINT, every file but the WAL segments is free
 * of the purged addresses; the WAL still holds the INSERT until its segment is recycled, which
 * the test reports and the README states.
 */
final class PostgresLicenceServerTest extends LicenceServerContract {

	private EmbeddedPostgres postgres;

	@Override
	void startDatabase() throws Exception {
		postgres = EmbeddedPostgres.start();
	}

	@Override
	List<String> databaseOptions() {
		return List.of("--db", postgres.jdbcUrl(), "--db-user", "postgres");
	}

	@Override
	Connection connect() throws SQLException {
		return postgres.connect();
	}

	@Override
	List<Path> databaseFolders() {
		return List.of(postgres.dataDirectory(), postgres.logFile());
	}

	@Override
	void flushToFiles() throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("CHECKPOINT");
		}
	}

	@Override
	Predicate<Path> notCoveredByPurge() {
		return p -> p.startsWith(postgres.dataDirectory().resolve("pg_wal"));
	}

	@Override
	void afterPurgeChecked() {
		List<Path> wal = ByteSearch.filesContaining(List.of(postgres.dataDirectory().resolve("pg_wal")), p -> false, seatAddress);
		System.out.println("PostgreSQL after the purge: the purged seat's address is still in " + wal.size()
				+ " WAL segment(s) until they are recycled: " + wal);
		assertTrue(wal.size() <= 2, "only the current WAL segments hold it");
	}

	@Override
	void stopDatabase() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}
}
