package com.securemailmerge.licence.server;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The licence database: the embedded SQLite file by default ({@code sqlite:PATH}), PostgreSQL
 * for a deployment ({@code jdbc:postgresql://HOST:PORT/DB}), migrated by Flyway when opened.
 */
public final class Database implements AutoCloseable {

	private final Dialect dialect;
	private final HikariDataSource pool;

	private Database(Dialect dialect, HikariDataSource pool) {
		this.dialect = dialect;
		this.pool = pool;
	}

	/**
	 * Opens and migrates the database.
	 *
	 * @param location {@code sqlite:PATH} or a PostgreSQL JDBC URL
	 * @param user the PostgreSQL user (ignored for SQLite), may be empty
	 * @param password the PostgreSQL password (ignored for SQLite), may be empty
	 */
	public static Database open(String location, String user, String password) throws java.io.IOException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("licences");
		Dialect dialect;
		if (location.startsWith("sqlite:")) {
			dialect = Dialect.SQLITE;
			Path file = Path.of(location.substring("sqlite:".length())).toAbsolutePath();
			Files.createDirectories(file.getParent());
			config.setDataSource(sqlite(file));
			config.setMaximumPoolSize(4);
		} else if (location.startsWith("jdbc:postgresql:")) {
			dialect = Dialect.POSTGRESQL;
			config.setJdbcUrl(location);
			if (!user.isEmpty()) {
				config.setUsername(user);
			}
			if (!password.isEmpty()) {
				config.setPassword(password);
			}
			config.setMaximumPoolSize(8);
		} else {
			throw new IllegalArgumentException("--db must be sqlite:PATH or jdbc:postgresql://...");
		}
		config.setMinimumIdle(1);
		HikariDataSource pool = new HikariDataSource(config);
		try {
			Flyway.configure().dataSource(pool).locations(dialect.migrations()).load().migrate();
		} catch (RuntimeException e) {
			pool.close();
			throw e;
		}
		return new Database(dialect, pool);
	}

	private static DataSource sqlite(Path file) {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
		config.setBusyTimeout(5000);
		// deleted rows are overwritten with zeros, so a purged address leaves no bytes behind
		config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
		config.enforceForeignKeys(true);
		SQLiteDataSource source = new SQLiteDataSource(config);
		source.setUrl("jdbc:sqlite:" + file);
		return source;
	}

	/** SQLite or PostgreSQL. */
	public Dialect dialect() {
		return dialect;
	}

	/** The connection pool. */
	public DataSource dataSource() {
		return pool;
	}

	@Override
	public void close() {
		pool.close();
	}
}
