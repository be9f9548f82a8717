package com.securemailmerge.ui.p2.internal;

/**
 * Asks the user whether to install content that is not signed (or signed by publishers that are
 * not trusted). Called from the installation's thread while it waits for the answer.
 */
@FunctionalInterface
public interface UnsignedContentPrompt {

	/** Declines everything: for installations nobody is watching. */
	UnsignedContentPrompt DECLINE = question -> false;

	/**
	 * @param question the whole question, listing the content, ready to show
	 * @return true to install anyway
	 */
	boolean installAnyway(String question);
}
