/** The handlers of Help > Install New Software and Help > Installation Details. */
@NonNullByDefault
package com.securemailmerge.ui.p2.handlers;

import org.eclipse.jdt.annotation.NonNullByDefault;
