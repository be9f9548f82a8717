package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.ui.parts.RecipientsPart;

import jakarta.inject.Named;

/**
 * The address book's context menu: include or exclude the selected rows, or all rows shown. Runs
 * in the context of the part whose menu it is.
 */
public final class IncludeRecipientsHandler {

	/** "true" to include, "false" to exclude. */
	public static final String INCLUDE = "com.securemailmerge.ui.commandparameter.include"; //$NON-NLS-1$
	/** "selected" or "shown". */
	public static final String ROWS = "com.securemailmerge.ui.commandparameter.rows"; //$NON-NLS-1$

	@CanExecute
	boolean canExecute(@Optional @Nullable MPart part) {
		return part != null && part.getObject() instanceof RecipientsPart recipients && recipients.view().isPresent();
	}

	@Execute
	void execute(MPart part, @Named(INCLUDE) String include, @Named(ROWS) String rows) {
		if (part.getObject() instanceof RecipientsPart recipients) {
			recipients.setIncluded("shown".equals(rows), Boolean.parseBoolean(include)); //$NON-NLS-1$
		}
	}
}
