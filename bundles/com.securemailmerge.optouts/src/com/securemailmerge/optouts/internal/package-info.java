/** The opt-out lists' messages. */
@NonNullByDefault
package com.securemailmerge.optouts.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
