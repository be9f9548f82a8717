package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.IContentProposalProvider;
import org.eclipse.jface.fieldassist.IControlContentAdapter;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;


import com.securemailmerge.merge.Fields;

/**
 * Completion of field names in a template text: on Ctrl+Space and after typing "{{". The typed
 * part after the last "{{" filters the names; choosing one writes the whole tag, with square
 * brackets when the name needs them.
 */
public final class FieldCompletion {

	private FieldCompletion() {
	}

	public static ContentProposalAdapter install(Control control, Supplier<List<String>> fields) {
		IControlContentAdapter adapter = control instanceof StyledText styled ? new StyledTextAdapter()
				: new TextContentAdapter();
		IContentProposalProvider provider = (contents, position) -> {
			int open = contents.lastIndexOf("{{", position); //$NON-NLS-1$
			String typed = open < 0 || contents.substring(open, position).contains("}}") ? "" //$NON-NLS-1$ //$NON-NLS-2$
					: contents.substring(open + 2, position);
			String prefix = typed.replace("[", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
			return fields.get().stream().filter(f -> f.toLowerCase(Locale.ROOT).contains(prefix))
					.map(f -> (IContentProposal) new ContentProposal(Fields.reference(f), f, null)).toArray(IContentProposal[]::new);
		};
		ContentProposalAdapter proposals = new ContentProposalAdapter(control, adapter, provider,
				KeyStroke.getInstance(org.eclipse.swt.SWT.MOD1, ' '), new char[] { '{' });
		proposals.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_IGNORE);
		proposals.addContentProposalListener(proposal -> accept(control, adapter, proposal.getContent()));
		return proposals;
	}

	/** Replaces the partly typed tag (from the last "{{" before the caret) with the chosen one. */
	private static void accept(Control control, IControlContentAdapter adapter, String tag) {
		String contents = adapter.getControlContents(control);
		int caret = adapter.getCursorPosition(control);
		int open = contents.lastIndexOf("{{", caret); //$NON-NLS-1$
		int start = open < 0 || contents.substring(open, caret).contains("}}") ? caret : open; //$NON-NLS-1$
		int end = caret;
		if (contents.startsWith("}}", end)) { //$NON-NLS-1$
			end += 2;
		}
		String replaced = contents.substring(0, start) + tag + contents.substring(end);
		if (control instanceof StyledText styled) {
			styled.replaceTextRange(start, end - start, tag);
			styled.setCaretOffset(start + tag.length());
		} else {
			adapter.setControlContents(control, replaced, start + tag.length());
		}
	}

	/** The content adapter JFace has for Text, for StyledText. */
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // JFace's interface carries no null annotations
	private static final class StyledTextAdapter implements IControlContentAdapter {

		@Override
		public String getControlContents(Control control) {
			return ((StyledText) control).getText();
		}

		@Override
		public void setControlContents(Control control, String contents, int cursorPosition) {
			((StyledText) control).setText(contents);
			((StyledText) control).setCaretOffset(cursorPosition);
		}

		@Override
		public void insertControlContents(Control control, String contents, int cursorPosition) {
			StyledText text = (StyledText) control;
			Point selection = text.getSelection();
			text.replaceTextRange(selection.x, selection.y - selection.x, contents);
			text.setCaretOffset(selection.x + cursorPosition);
		}

		@Override
		public int getCursorPosition(Control control) {
			return ((StyledText) control).getCaretOffset();
		}

		@Override
		public Rectangle getInsertionBounds(Control control) {
			StyledText text = (StyledText) control;
			Point location = text.getLocationAtOffset(text.getCaretOffset());
			return new Rectangle(location.x, location.y, 1, text.getLineHeight());
		}

		@Override
		public void setCursorPosition(Control control, int index) {
			((StyledText) control).setCaretOffset(index);
		}

}
}
