package com.securemailmerge.recipients;

import java.net.URL;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A contributed source as the picker shows it. Everything but {@link #create()} is read from the
 * extension's XML without loading the contributing bundle's classes.
 */
public interface RecipientSourceDescriptor {

	String id();

	String label();

	/** The 16x16 icon, if the contribution names one. */
	@Nullable
	URL icon();

	/** File name extensions in lower case without the dot; empty for account sources. */
	List<String> fileExtensions();

	/** "microsoft365" or "microsoft365-shared" for account sources, null for file sources. */
	@Nullable
	String accountKind();

	/** True when the source reads files with this name's extension. */
	default boolean reads(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot >= 0 && fileExtensions().contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
	}

	/** Loads the implementation (and the libraries it needs); the instance is created once. */
	RecipientSource create() throws CoreException;
}
