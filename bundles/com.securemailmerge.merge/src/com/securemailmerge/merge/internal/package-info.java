/** Handlebars-based implementation of the merge engine. */
@NonNullByDefault
package com.securemailmerge.merge.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
