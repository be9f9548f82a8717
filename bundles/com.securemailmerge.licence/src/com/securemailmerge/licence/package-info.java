/**
 * The licence check: {@link com.securemailmerge.licence.LicenceService} sends the primary e-mail
 * address of the signed-in mailbox, and nothing else, to the configured licence endpoint over HTTPS
 * at three moments (test mail, campaign send, address book load) and tells whether the product runs
 * on the free tier or under a commercial licence. Without an endpoint nothing is sent at all; a
 * failed check never blocks the offline profile or sending.
 */
@NonNullByDefault
package com.securemailmerge.licence;

import org.eclipse.jdt.annotation.NonNullByDefault;
