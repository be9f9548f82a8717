/**
 * The opt-out lists: addresses that asked not to be mailed, one list per profile (a mailbox, or
 * the offline outbox), each a file on the user's computer, with CSV import and export. Sending
 * leaves every address on them out.
 */
@NonNullByDefault
package com.securemailmerge.optouts;

import org.eclipse.jdt.annotation.NonNullByDefault;
