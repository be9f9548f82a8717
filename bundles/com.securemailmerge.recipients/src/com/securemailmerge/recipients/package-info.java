/**
 * The recipient-source SPI: sources contributed to the {@code recipientSources} extension point
 * load a {@link com.securemailmerge.model.RecipientList} from a file or an account; the
 * {@link com.securemailmerge.recipients.RecipientSourceRegistry} service lists them lazily.
 */
@NonNullByDefault
package com.securemailmerge.recipients;

import org.eclipse.jdt.annotation.NonNullByDefault;
