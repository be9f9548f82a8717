/** The licence check over HTTPS with the JDK's HTTP client, and its DS component. */
@NonNullByDefault
package com.securemailmerge.licence.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
