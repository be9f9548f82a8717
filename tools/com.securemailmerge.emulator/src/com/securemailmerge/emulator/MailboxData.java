package com.securemailmerge.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What an emulated mailbox holds and who else may read it. */
final class MailboxData {

	final Mailbox owner;
	final List<EmulatedContact> contacts = new CopyOnWriteArrayList<>();
	final Map<String, String> folders = new ConcurrentHashMap<>();
	final Map<String, String> categories = new ConcurrentHashMap<>(); // name -> preset colour
	final Map<String, EmulatedMessage> messages = new ConcurrentHashMap<>();
	final Map<String, Set<MailboxRight>> delegates = new ConcurrentHashMap<>(); // delegate address -> rights
	volatile long maxMessageSize = 36_700_160; // 35 MB, Exchange Online's default
	volatile String timeZone = "W. Europe Standard Time"; //$NON-NLS-1$

	MailboxData(Mailbox owner) {
		this.owner = owner;
		folders.put("contacts", "Kontakte"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
