package com.securemailmerge.optouts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The opt-out lists of one workbench, in one folder on the user's computer: one for the offline
 * outbox ({@link #OFFLINE}) and one per mailbox messages go out from, so that an association's
 * office mailbox and a private one keep their own. Each list is read once and then kept.
 */
public final class OptOutProfiles {

	/** The folder of the lists in the workbench's state location (shared by the window and the command line). */
	public static final String FOLDER = "optouts"; //$NON-NLS-1$

	/** The profile of the outbox (no Microsoft account). */
	public static final String OFFLINE = ""; //$NON-NLS-1$

	private final Path folder;
	private final Map<String, OptOutList> lists = new HashMap<>();

	public OptOutProfiles(Path folder) {
		this.folder = folder;
	}

	/** The list of the mailbox with this address, or of the outbox for {@link #OFFLINE}. */
	public synchronized OptOutList of(String mailbox) throws IOException {
		String profile = OptOutList.normalize(mailbox);
		OptOutList list = lists.get(profile);
		if (list == null) {
			list = OptOutList.open(folder.resolve(fileName(profile)));
			lists.put(profile, list);
		}
		return list;
	}

	/** offline.txt, or mailbox-HASH.txt: the address itself is no file name (any character, any length). */
	static String fileName(String profile) {
		if (profile.isEmpty()) {
			return "offline.txt"; //$NON-NLS-1$
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(profile.getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
			return "mailbox-" + HexFormat.of().formatHex(hash, 0, 12) + ".txt"; //$NON-NLS-1$ //$NON-NLS-2$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java runtime has SHA-256
		}
	}

	public Path folder() {
		return folder;
	}
}
