package com.securemailmerge.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.recipients.RecipientSourceRegistry;

/** Recipient files the user picks: in a file dialog filtered to what the sources read, or dropped. */
public final class RecipientFiles {

	private final RecipientSourceRegistry registry;

	public RecipientFiles(RecipientSourceRegistry registry) {
		this.registry = registry;
	}

	public Optional<Path> choose(Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		List<String> extensions = registry.sources().stream().flatMap(s -> s.fileExtensions().stream()).toList();
		dialog.setFilterExtensions(new String[] {
				String.join(";", extensions.stream().map(x -> "*." + x).toList()), "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String file = dialog.open();
		try {
			return file == null ? Optional.empty() : Optional.of(Path.of(file));
		} catch (InvalidPathException e) {
			return Optional.empty();
		}
	}

	/** The first file dropped onto the control (one list at a time); names that are no path are left out. */
	public void dropOnto(Control control, Consumer<Path> dropped) {
		FileDrop.attach(control, paths -> {
			if (!paths.isEmpty()) {
				dropped.accept(paths.get(0));
			}
		});
	}
}
