package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's settings that the byte-wise promise rests on, and failure logging. */
final class DatabaseTest {

	@Test
	void everyPooledSqliteConnectionHasSecureDeleteAndWal(@TempDir Path folder) throws Exception {
		try (Database database = Database.open("sqlite:" + folder.resolve("licences.db"), "", "");
				Connection first = database.dataSource().getConnection();
				Connection second = database.dataSource().getConnection()) {
			for (Connection c : new Connection[] { first, second }) {
				assertEquals("1", pragma(c, "secure_delete"));
				assertEquals("wal", pragma(c, "journal_mode"));
			}
			assertEquals(Dialect.SQLITE, database.dialect());
		}
	}

	@Test
	void failuresAreDescribedWithoutTheirMessages() {
		String secret = "someone" + "@" + "example.com";
		SQLException failure = new SQLException("duplicate key value: (address)=(" + secret + ")", "23505");
		String described = Errors.describe(new RuntimeException("wrapped " + secret, failure));
		assertEquals("java.lang.RuntimeException SQLState 23505", described);
		assertFalse(described.contains(secret));
	}

	private static String pragma(Connection c, String name) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
