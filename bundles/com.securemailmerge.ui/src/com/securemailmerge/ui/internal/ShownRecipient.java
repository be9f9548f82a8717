package com.securemailmerge.ui.internal;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * The recipient a part shows (the preview, the attachments' sizes): the one selected in the address
 * book, kept through every merge by its key with the values the merge has now; when the merge's list
 * has no such recipient, its first included one; none without a list. One rule for every part, so
 * the preview and the attachments never show two different people.
 */
public final class ShownRecipient {

	private @Nullable Recipient recipient;

	/** The address book selected this recipient. */
	public void select(@Nullable Recipient selected) {
		recipient = selected;
	}

	/** Another campaign was opened: the previous one's recipient is not shown. */
	public void clear() {
		recipient = null;
	}

	/** A merge finished with this list: the shown recipient as it is in it (see the class comment). */
	public @Nullable Recipient merged(@Nullable RecipientList list) {
		Recipient current = recipient;
		if (list == null) {
			recipient = null;
		} else if (current != null && list.recipient(current.key()).isPresent()) {
			recipient = list.recipient(current.key()).get();
		} else {
			List<Recipient> included = list.included();
			recipient = included.isEmpty() ? null : included.get(0);
		}
		return recipient;
	}

	public @Nullable Recipient get() {
		return recipient;
	}
}
