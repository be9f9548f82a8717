package com.securemailmerge.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Exchange's deferred delivery as Microsoft documents PidTagDeferredSendTime (PR_DEFERRED_SEND_TIME,
 * {@code SystemTime 0x3FEF}, [MS-OXOMSG] 2.2.3.4): a message sent with a deferred send time is held
 * in the Outbox (no longer a draft; parentFolderId is the Outbox's) until that time, then submitted
 * like any other message (its Sent Items copy comes after the submission delay, under its id); a
 * time earlier than now sends it at once. Until it is released it may be deleted from the Outbox,
 * and then it never goes out. The time is the emulator's clock ({@link Emulator#advanceClock}).
 */
final class DeferredDelivery {

	static final String PROPERTY = "SystemTime 0x3FEF"; //$NON-NLS-1$

	private record Held(MailboxData mailbox, EmulatedMessage message, Instant due) {
	}

	private final Emulator emulator;
	private final Map<String, Held> held = new ConcurrentHashMap<>();

	DeferredDelivery(Emulator emulator) {
		this.emulator = emulator;
	}

	/**
	 * The deferred send time a message carries (null: none). Graph takes an ISO 8601 date and time
	 * with an offset or Z; anything else is refused (IllegalArgumentException) when the message is
	 * written, as Graph refuses a SystemTime property it cannot read.
	 */
	static @Nullable Instant time(EmulatedMessage message) {
		String value = message.property(PROPERTY);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("The value of " + PROPERTY + " is not a date and time: " + value, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** A message just sent: held in the Outbox when its time is still to come (true), else sent now. */
	boolean hold(MailboxData mailbox, EmulatedMessage message) {
		Instant due = time(message);
		if (due == null || !due.isAfter(emulator.now())) {
			return false;
		}
		message.moveTo("outbox"); //$NON-NLS-1$
		held.put(message.id(), new Held(mailbox, message, due));
		return true;
	}

	/** Submits every held message whose time has come (and that was not deleted meanwhile). */
	void releaseDue() {
		Instant now = emulator.now();
		for (Held each : held.values()) {
			if (!each.due().isAfter(now) && held.remove(each.message().id(), each)
					&& each.mailbox().messages.remove(each.message().id(), each.message())) {
				emulator.submitReleased(each.mailbox(), each.message());
			}
		}
	}

	/** A message deleted from the Outbox: it never goes out. */
	void deleted(String id) {
		held.remove(id);
	}

	/** How many messages are held, in all mailboxes. */
	int count() {
		return held.size();
	}
}
