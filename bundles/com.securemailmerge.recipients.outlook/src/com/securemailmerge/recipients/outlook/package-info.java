/**
 * Recipient sources that read Outlook contacts through Microsoft Graph: the signed-in user's own
 * (location "me", option "folder") and a shared mailbox's (location: its address).
 */
@NonNullByDefault
package com.securemailmerge.recipients.outlook;

import org.eclipse.jdt.annotation.NonNullByDefault;
