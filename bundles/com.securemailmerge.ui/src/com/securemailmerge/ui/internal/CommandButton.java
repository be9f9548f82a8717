package com.securemailmerge.ui.internal;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * A push button that runs a command of the application model through its handler, exactly as the
 * menu item and the key binding of the same command do; enabled while the handler can execute.
 */
public final class CommandButton {

	private final Button button;
	private final ParameterizedCommand command;
	private final EHandlerService handlers;

	/** afterwards runs once the handler is done (for example to redraw the part). */
	public CommandButton(Composite parent, String text, String commandId, ECommandService commands,
			EHandlerService handlers, Runnable afterwards) {
		this.command = commands.createCommand(commandId, null);
		this.handlers = handlers;
		button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, e -> {
			handlers.executeHandler(command);
			afterwards.run();
		});
	}

	/** Enables the button when the command's handler can execute now. */
	public void update() {
		if (!button.isDisposed()) {
			button.setEnabled(handlers.canExecute(command));
		}
	}

	public void setText(String text) {
		button.setText(text);
	}
}
