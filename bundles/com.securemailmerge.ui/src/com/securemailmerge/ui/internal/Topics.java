package com.securemailmerge.ui.internal;

/** Event broker topics the parts use to tell each other what changed. */
public final class Topics {

	/** A recipient list was loaded or changed; the data is the {@link com.securemailmerge.recipients.LoadResult}. */
	public static final String RECIPIENTS_LOADED = "com/securemailmerge/recipients/loaded"; //$NON-NLS-1$

	private Topics() {
	}
}
