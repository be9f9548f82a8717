package com.securemailmerge.send;

import java.io.IOException;
import java.util.Optional;

import com.securemailmerge.model.MergedMessage;

/**
 * Where messages go. Every message carries its campaign tag (campaign id and recipient key); before
 * anything is delivered again the runner asks whether a message with that tag already went out.
 */
public interface Transport {

	/** The id of a message with this tag that was already delivered, if any. */
	Optional<String> findDelivered(String tag) throws IOException;

	/** Delivers the message with its tag and returns its id. */
	String deliver(MergedMessage message, String tag) throws IOException;
}
