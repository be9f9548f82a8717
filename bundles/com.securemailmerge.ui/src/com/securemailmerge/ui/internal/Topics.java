package com.securemailmerge.ui.internal;

/** Event broker topics the parts use to tell each other what changed. */
public final class Topics {

	/** A recipient list was loaded or changed; the data is the {@link com.securemailmerge.recipients.LoadResult}. */
	public static final String RECIPIENTS_LOADED = "com/securemailmerge/recipients/loaded"; //$NON-NLS-1$
	/** A campaign was opened or created: every part shows it anew; the data is the {@link CampaignState}. */
	public static final String CAMPAIGN_OPENED = "com/securemailmerge/campaign/opened"; //$NON-NLS-1$
	/** The campaign was edited or saved (dirty state changed); the data is the {@link CampaignState}. */
	public static final String CAMPAIGN_CHANGED = "com/securemailmerge/campaign/changed"; //$NON-NLS-1$
	/** The template was compiled and the recipients validated; the data is a {@link MergeState}. */
	public static final String MERGED = "com/securemailmerge/merge/done"; //$NON-NLS-1$
	/** The recipient selected in the address book; the data is the {@link com.securemailmerge.model.Recipient}. */
	public static final String RECIPIENT_SELECTED = "com/securemailmerge/recipients/selected"; //$NON-NLS-1$
	/** Asks the address book to select the next (+1) or previous (-1) recipient; the data is an Integer. */
	public static final String STEP_RECIPIENT = "com/securemailmerge/recipients/step"; //$NON-NLS-1$
	/** Asks the address book to show a recipient; the data is its {@link com.securemailmerge.model.RecipientKey}. */
	public static final String SHOW_RECIPIENT = "com/securemailmerge/recipients/show"; //$NON-NLS-1$
	/** Asks the template editor to show where a problem is; the data is the {@link com.securemailmerge.model.Problem}. */
	public static final String SHOW_PROBLEM = "com/securemailmerge/template/show"; //$NON-NLS-1$

	/** A step of a running campaign was recorded; the data is the {@link com.securemailmerge.send.JournalEntry}. */
	public static final String SENT_STEP = "com/securemailmerge/send/step"; //$NON-NLS-1$
	/** A campaign run or a test mail ended; the data is its {@link org.eclipse.core.runtime.IStatus}. */
	public static final String SENDING_DONE = "com/securemailmerge/send/done"; //$NON-NLS-1$
	/** The categories ticked in the Categories part; the data is a {@link CategoryFilter}. */
	public static final String CATEGORY_FILTER = "com/securemailmerge/recipients/categories"; //$NON-NLS-1$

	private Topics() {
	}
}
