package com.securemailmerge.licence.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What differs between the embedded SQLite database and PostgreSQL: how a day is bound, where the
 * migrations are, and how deleted rows are made to leave the files after a purge.
 */
public enum Dialect {
	/** SQLite in WAL mode with {@code secure_delete}: deleted content is overwritten with zeros. */
	SQLITE("db/migration/sqlite") {
		@Override
		void bindDay(PreparedStatement statement, int index, LocalDate day) throws SQLException {
			statement.setString(index, day.toString());
		}

		@Override
		void eraseDeleted(Connection connection) throws SQLException {
			// the zeroed pages go from the WAL into the database file, and the WAL is emptied
			try (Statement statement = connection.createStatement()) {
				for (int attempt = 0; attempt < 20; attempt++) {
					try (ResultSet busy = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
						if (busy.next() && busy.getInt(1) == 0) {
							return;
						}
					}
					sleepBriefly();
				}
			}
			throw new SQLException("WAL checkpoint stayed busy");
		}
	},
	/** PostgreSQL: VACUUM FULL rewrites the two small tables into new files, the old ones are unlinked. */
	POSTGRESQL("db/migration/postgresql") {
		@Override
		void bindDay(PreparedStatement statement, int index, LocalDate day) throws SQLException {
			statement.setObject(index, day);
		}

		@Override
		void eraseDeleted(Connection connection) throws SQLException {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
			try (Statement statement = connection.createStatement()) {
				statement.execute("VACUUM FULL seat");
				statement.execute("VACUUM FULL licence");
			} finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	};

	private final String migrations;

	Dialect(String migrations) {
		this.migrations = migrations;
	}

	/** The Flyway location of this dialect's migrations. */
	String migrations() {
		return "classpath:" + migrations;
	}

	abstract void bindDay(PreparedStatement statement, int index, LocalDate day) throws SQLException;

	/** After rows were deleted: makes their bytes leave the table files (see the README for limits). */
	abstract void eraseDeleted(Connection connection) throws SQLException;

	private static void sleepBriefly() throws SQLException {
		try {
			Thread.sleep(50);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted");
		}
	}
}
