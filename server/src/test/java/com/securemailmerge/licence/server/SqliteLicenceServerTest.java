package com.securemailmerge.licence.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The contract on the embedded SQLite database: the .db file, its -wal and -shm are all searched,
 * and all are covered by the purge ({@code secure_delete} plus a truncating checkpoint).
 */
final class SqliteLicenceServerTest extends LicenceServerContract {

	private Path data;

	@Override
	void startDatabase() throws Exception {
		data = Files.createDirectories(folder.resolve("data"));
	}

	@Override
	List<String> databaseOptions() {
		return List.of("--db", "sqlite:" + data.resolve("licences.db"));
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("licences.db"));
	}

	@Override
	List<Path> databaseFolders() {
		return List.of(data);
	}

	@Override
	void flushToFiles() {
		// SQLite writes through to the .db and -wal files
	}

	@Override
	Predicate<Path> notCoveredByPurge() {
		return p -> false;
	}

	@Override
	void stopDatabase() {
		// the file stays in target/it for a look after the run
	}
}
