/** RFC 5322 messages (.eml) from merged messages, on Jakarta Mail with the Angus implementation. */
@NonNullByDefault
package com.securemailmerge.mime;

import org.eclipse.jdt.annotation.NonNullByDefault;
