package com.securemailmerge.ui.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ExtendedModifyEvent;
import org.eclipse.swt.custom.StyledText;

/**
 * Undo and redo for a StyledText (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z). Typing in one go is one step;
 * a pause, a line break or a jump starts the next.
 */
public final class UndoStack {

	private static final long MERGE_WINDOW_MS = 800;

	private record Edit(int start, String removed, String inserted, long time) {
	}

	private final StyledText text;
	private final Deque<Edit> undo = new ArrayDeque<>();
	private final Deque<Edit> redo = new ArrayDeque<>();
	private boolean replaying;

	private UndoStack(StyledText text) {
		this.text = text;
	}

	public static UndoStack attach(StyledText text) {
		UndoStack stack = new UndoStack(text);
		text.addExtendedModifyListener(stack::modified);
		text.addListener(SWT.KeyDown, e -> {
			boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
			boolean shift = (e.stateMask & SWT.SHIFT) != 0;
			if (ctrl && (e.keyCode == 'z' || e.keyCode == 'Z') && !shift) {
				stack.undo();
				e.doit = false;
			} else if (ctrl && (e.keyCode == 'y' || e.keyCode == 'Y' || ((e.keyCode == 'z' || e.keyCode == 'Z') && shift))) {
				stack.redo();
				e.doit = false;
			}
		});
		return stack;
	}

	/** Forgets the history (after a campaign was opened). */
	public void clear() {
		undo.clear();
		redo.clear();
	}

	private void modified(ExtendedModifyEvent event) {
		if (replaying) {
			return;
		}
		String inserted = text.getTextRange(event.start, event.length);
		Edit edit = new Edit(event.start, event.replacedText, inserted, System.currentTimeMillis());
		Edit previous = undo.peek();
		if (previous != null && previous.removed().isEmpty() && edit.removed().isEmpty()
				&& previous.start() + previous.inserted().length() == edit.start() && !inserted.contains("\n") //$NON-NLS-1$
				&& edit.time() - previous.time() < MERGE_WINDOW_MS) {
			undo.pop();
			edit = new Edit(previous.start(), "", previous.inserted() + inserted, edit.time()); //$NON-NLS-1$
		}
		undo.push(edit);
		redo.clear();
	}

	public boolean canUndo() {
		return !undo.isEmpty();
	}

	public void undo() {
		Edit edit = undo.poll();
		if (edit != null) {
			apply(edit.start(), edit.inserted().length(), edit.removed());
			redo.push(edit);
		}
	}

	public void redo() {
		Edit edit = redo.poll();
		if (edit != null) {
			apply(edit.start(), edit.removed().length(), edit.inserted());
			undo.push(edit);
		}
	}

	private void apply(int start, int length, String replacement) {
		replaying = true;
		try {
			text.replaceTextRange(start, length, replacement);
			text.setSelection(start + replacement.length());
			text.showSelection();
		} finally {
			replaying = false;
		}
	}
}
