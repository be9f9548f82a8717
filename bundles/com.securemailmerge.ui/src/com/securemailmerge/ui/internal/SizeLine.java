package com.securemailmerge.ui.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;

import com.securemailmerge.merge.MessageSize;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.MergedMessage;

/** The line under the attachments: the estimated size of the selected recipient's message and the limit. */
public final class SizeLine {

	private SizeLine() {
	}

	/**
	 * @param rendering the selected recipient's message, null when none is selected
	 * @param limit     the largest message the mailbox accepts, 0: no limit
	 */
	public static void show(Label line, @Nullable Rendering rendering, long limit) {
		MergedMessage message = rendering == null ? null : rendering.message();
		long size = message == null ? 0 : MessageSize.estimate(message);
		String to = rendering == null ? "" : rendering.draft().to(); //$NON-NLS-1$
		String text;
		if (rendering == null) {
			text = limit == 0 ? "" : NLS.bind(Messages.AttachmentsPart_sizeNoRecipient, Sizes.format(limit)); //$NON-NLS-1$
		} else if (message == null) {
			text = NLS.bind(Messages.AttachmentsPart_sizeErrors, to, Sizes.format(limit));
		} else if (limit == 0) {
			text = NLS.bind(Messages.AttachmentsPart_sizeNoLimit, to, Sizes.format(size));
		} else {
			text = NLS.bind(Messages.AttachmentsPart_size, new Object[] { to, Sizes.format(size), Sizes.format(limit) });
		}
		line.setText(text);
		boolean bad = rendering != null && message == null || limit > 0 && size > limit;
		line.setForeground(line.getDisplay().getSystemColor(bad ? SWT.COLOR_DARK_RED : SWT.COLOR_WIDGET_FOREGROUND));
	}
}
