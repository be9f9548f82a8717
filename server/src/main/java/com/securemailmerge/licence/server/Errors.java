package com.securemailmerge.licence.server;

import java.sql.SQLException;

/**
 * How failures are logged: by type and SQLState only. Messages are never logged, since a JDBC
 * driver's message may quote a row's key (an address).
 */
final class Errors {

	private Errors() {
	}

	static String sqlState(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return "SQLState " + sql.getSQLState();
			}
		}
		return "";
	}

	static String describe(Throwable failure) {
		String state = sqlState(failure);
		return state.isEmpty() ? failure.getClass().getName() : failure.getClass().getName() + " " + state;
	}
}
