package com.securemailmerge.ui.tests;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Answers a modal dialog the code under test opens on the UI thread: every 100 ms (while the
 * dialog's own event loop runs) it looks for a shell with the title, keeps its message and presses
 * the button with the given text.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Dialogs {

	private Dialogs() {
	}

	static final class Answer {
		private final AtomicReference<String> message = new AtomicReference<>("");
		private final AtomicBoolean stopped = new AtomicBoolean();

		/** The message of the dialog that was answered, empty when none came. */
		String message() {
			return message.get();
		}

		void stop() {
			stopped.set(true);
		}
	}

	static Answer answer(String title, String button) {
		Answer answer = new Answer();
		Display display = Display.getDefault();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			if (answer.stopped.get()) {
				return;
			}
			for (Shell shell : display.getShells()) {
				if (title.equals(shell.getText()) && shell.isVisible()) {
					StringBuilder text = new StringBuilder();
					Button pressed = find(shell, button, text);
					answer.message.set(text.toString());
					if (pressed != null) {
						pressed.notifyListeners(SWT.Selection, new Event());
						return;
					}
				}
			}
			display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		return answer;
	}

	private static Button find(Composite parent, String button, StringBuilder text) {
		Button found = null;
		for (Control child : parent.getChildren()) {
			if (child instanceof Label label) {
				text.append(label.getText()).append('\n');
			} else if (child instanceof Button candidate && button.equals(candidate.getText())) {
				found = candidate;
			}
			if (child instanceof Composite composite) {
				Button inner = find(composite, button, text);
				if (inner != null) {
					found = inner;
				}
			}
		}
		return found;
	}
}
