/** The Graph SDK implementation of the mailbox service. */
@NonNullByDefault
package com.securemailmerge.graph.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
