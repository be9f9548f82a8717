/**
 * The mailbox on Microsoft Graph: the signed-in user, personal and shared-mailbox contacts, Outlook
 * categories, mailbox settings and mail tips, through the Graph SDK with tokens from the shared auth
 * service. Every request asks for immutable ids; paging, Retry-After and errors are handled here.
 */
@NonNullByDefault
package com.securemailmerge.graph;

import org.eclipse.jdt.annotation.NonNullByDefault;
