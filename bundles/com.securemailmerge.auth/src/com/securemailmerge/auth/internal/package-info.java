/** The MSAL4J implementation of the auth service. */
@NonNullByDefault
package com.securemailmerge.auth.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
