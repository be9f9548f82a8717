/**
 * The bare E4 application of {@code ./bench startup}.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.bare;
