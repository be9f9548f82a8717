/**
 * Sending a campaign exactly once: an append-only journal per campaign, transports (the offline
 * outbox of .eml files; Microsoft Graph to follow) and the runner that resumes where it stopped.
 */
@NonNullByDefault
package com.securemailmerge.send;

import org.eclipse.jdt.annotation.NonNullByDefault;
