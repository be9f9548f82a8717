@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.recipients.internal;
