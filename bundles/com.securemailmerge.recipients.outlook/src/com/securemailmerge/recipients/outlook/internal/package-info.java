/** Reading contacts into a recipient list. */
@NonNullByDefault
package com.securemailmerge.recipients.outlook.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
