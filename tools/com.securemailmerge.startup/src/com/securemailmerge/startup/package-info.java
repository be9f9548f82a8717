/**
 * The start-up probe of {@code ./bench startup}.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.startup;
