package com.securemailmerge.send;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import com.securemailmerge.model.MergedMessage;

/**
 * Where messages go. Every message carries its campaign tag (campaign id and recipient key); before
 * anything is delivered again the runner asks whether a message with that tag already went out.
 * <p>
 * Failures say what is known: a {@link TransientFailure} means the outcome is unknown or the service
 * asked to wait (429, 503, a dropped connection) and is never taken as proof that nothing went out;
 * a {@link SendingStopped} means nothing more can be sent now (signed out, mailbox gone); any other
 * {@link IOException} is a failure of this message alone.
 */
public interface Transport {

	/** The id of a message with this tag that was already delivered, if any. */
	Optional<String> findDelivered(String tag) throws IOException;

	/**
	 * Delivers the message with its tag and returns its id. A transport that first creates a draft
	 * tells its id to {@code drafted} before sending it; a draft with the tag left by an earlier
	 * attempt is completed and sent instead of a new one.
	 */
	String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException;

	/** Where a message is, found by the id its draft was given (an immutable id keeps it through sending). */
	enum Presence {
		/** Still a draft: it was not sent (it may be sent now). */
		DRAFT,
		/** Sent: its copy is in Sent Items. */
		SENT,
		/** In the Outbox with a time to go out at (deferred delivery): not sent yet, and it may be withdrawn. */
		SCHEDULED,
		/** Not found: under way (submitted, its Sent Items copy not yet made) or deleted by the user. */
		UNKNOWN
	}

	/**
	 * True when {@link #deliver} returns once the service has accepted the message for sending, before
	 * it is known to be sent (Exchange submits asynchronously: the Sent Items copy comes later). The
	 * runner then confirms each message through {@link #presence}.
	 */
	default boolean confirmsLater() {
		return false;
	}

	/** Where the message with this id (as {@link #deliver} returned it or told {@code drafted}) is now. */
	default Presence presence(String id) throws IOException {
		return Presence.UNKNOWN;
	}

	/** True when the transport can hand messages over to go out at a later time ({@link #schedule}). */
	default boolean schedules() {
		return false;
	}

	/**
	 * Like {@link #deliver}, but the message goes out at {@code due} (the service holds it until then,
	 * so the computer may be off). Returns its id.
	 */
	default String schedule(MergedMessage message, String tag, Consumer<String> drafted, Instant due) throws IOException {
		throw new IOException("This transport cannot send later."); //$NON-NLS-1$
	}

	/** The id of a scheduled message with this tag that has not gone out yet, if any. */
	default Optional<String> findScheduled(String tag) throws IOException {
		return Optional.empty();
	}

	/** Deletes a scheduled message that has not gone out yet; false when it is no longer there. */
	default boolean withdraw(String id) throws IOException {
		return false;
	}
}
