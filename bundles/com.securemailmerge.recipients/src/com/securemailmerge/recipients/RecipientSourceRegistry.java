package com.securemailmerge.recipients;

import java.util.List;
import java.util.Optional;

/** The recipient sources contributed to the {@code recipientSources} extension point (an OSGi service). */
public interface RecipientSourceRegistry {

	String EXTENSION_POINT = "com.securemailmerge.recipients.recipientSources"; //$NON-NLS-1$

	/** Every readable contribution, in label order; broken ones are logged and left out. */
	List<RecipientSourceDescriptor> sources();

	Optional<RecipientSourceDescriptor> source(String id);

	/** The first source that reads files with this name's extension. */
	default Optional<RecipientSourceDescriptor> forFile(String fileName) {
		return sources().stream().filter(s -> s.reads(fileName)).findFirst();
	}
}
