package com.securemailmerge.licence.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of licences and seats. Addresses are only ever bind parameters, and no method puts one
 * into an exception message; callers log SQL failures by SQLState, never by message, because a
 * database's message can quote a key.
 */
public final class LicenceStore {

	private final Database database;

	public LicenceStore(Database database) {
		this.database = database;
	}

	/** The counter every change of the licence list bumps. */
	public long version() throws SQLException {
		try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT version FROM directory_version WHERE id = 1")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Every licence, ended or not, ordered by key. */
	public List<Licence> licences() throws SQLException {
		List<Licence> all = new ArrayList<>();
		try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id, licence_key, until, customer FROM licence ORDER BY licence_key")) {
			while (rs.next()) {
				String customer = rs.getString(4);
				all.add(new Licence(rs.getLong(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
						customer == null ? "" : customer));
			}
		}
		return all;
	}

	/** How many seats (stored addresses) a licence has. */
	public int seats(long licenceId) throws SQLException {
		try (Connection c = database.dataSource().getConnection();
				PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM seat WHERE licence_id = ?")) {
			s.setLong(1, licenceId);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** Adds a licence or renews it (new end date, its seats follow). */
	public void put(String key, LocalDate until, String customer) throws SQLException {
		try (Connection c = database.dataSource().getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement upsert = c.prepareStatement("INSERT INTO licence (licence_key, until, customer) VALUES (?, ?, ?) "
					+ "ON CONFLICT (licence_key) DO UPDATE SET until = excluded.until, customer = excluded.customer");
					PreparedStatement seats = c.prepareStatement(
							"UPDATE seat SET until = ? WHERE licence_id = (SELECT id FROM licence WHERE licence_key = ?)")) {
				upsert.setString(1, key);
				database.dialect().bindDay(upsert, 2, until);
				upsert.setString(3, customer.isEmpty() ? null : customer);
				upsert.executeUpdate();
				database.dialect().bindDay(seats, 1, until);
				seats.setString(2, key);
				seats.executeUpdate();
				bumpVersion(c);
				c.commit();
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		}
	}

	/** Ends a licence: its last valid day becomes yesterday. False when there is no such licence. */
	public boolean end(String key, LocalDate today) throws SQLException {
		try (Connection c = database.dataSource().getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement end = c.prepareStatement("UPDATE licence SET until = ? WHERE licence_key = ?");
					PreparedStatement seats = c.prepareStatement(
							"UPDATE seat SET until = ? WHERE licence_id = (SELECT id FROM licence WHERE licence_key = ?)")) {
				LocalDate yesterday = today.minusDays(1);
				database.dialect().bindDay(end, 1, yesterday);
				end.setString(2, key);
				int ended = end.executeUpdate();
				database.dialect().bindDay(seats, 1, yesterday);
				seats.setString(2, key);
				seats.executeUpdate();
				bumpVersion(c);
				c.commit();
				return ended > 0;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		}
	}

	/** Stores a commercial user's address as a seat of its licence, with the licence's end date. */
	public void storeSeat(Licence licence, String address) throws SQLException {
		try (Connection c = database.dataSource().getConnection();
				PreparedStatement s = c.prepareStatement("INSERT INTO seat (address, licence_id, until) VALUES (?, ?, ?) "
						+ "ON CONFLICT (address) DO UPDATE SET licence_id = excluded.licence_id, until = excluded.until")) {
			s.setString(1, address);
			s.setLong(2, licence.id());
			database.dialect().bindDay(s, 3, licence.until());
			s.executeUpdate();
		}
	}

	/**
	 * Deletes the seats and licences whose last day is before {@code today}, then makes the deleted
	 * bytes leave the files ({@link Dialect#eraseDeleted}).
	 *
	 * @return how many rows were deleted, seats and licences together
	 */
	public int purge(LocalDate today) throws SQLException {
		try (Connection c = database.dataSource().getConnection()) {
			c.setAutoCommit(false);
			int deleted;
			try (PreparedStatement seats = c.prepareStatement(
					"DELETE FROM seat WHERE until < ? OR licence_id IN (SELECT id FROM licence WHERE until < ?)");
					PreparedStatement licences = c.prepareStatement("DELETE FROM licence WHERE until < ?")) {
				database.dialect().bindDay(seats, 1, today);
				database.dialect().bindDay(seats, 2, today);
				deleted = seats.executeUpdate();
				database.dialect().bindDay(licences, 1, today);
				int ended = licences.executeUpdate();
				if (ended > 0) {
					bumpVersion(c);
				}
				deleted += ended;
				c.commit();
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
			c.setAutoCommit(true);
			if (deleted > 0) {
				database.dialect().eraseDeleted(c);
			}
			return deleted;
		}
	}

	/** Whether the database answers. */
	public boolean ping() {
		try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT 1")) {
			return rs.next();
		} catch (SQLException e) {
			return false;
		}
	}

	private static void bumpVersion(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE directory_version SET version = version + 1 WHERE id = 1");
		}
	}
}
