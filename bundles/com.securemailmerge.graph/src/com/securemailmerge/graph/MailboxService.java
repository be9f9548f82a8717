package com.securemailmerge.graph;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.model.Category;

/**
 * The signed-in user's mailbox, or a shared mailbox given by its address (null: the user's own).
 * Each method asks the auth service only for the scope it needs.
 */
public interface MailboxService {

	/** The signed-in user (User.Read). */
	MailboxUser me() throws GraphException, AuthException;

	/** Contacts folders (Contacts.Read, or Contacts.Read.Shared for a shared mailbox). */
	List<ContactFolder> contactFolders(@Nullable String mailbox) throws GraphException, AuthException;

	/** All contacts of a folder (null: the default folder), every page. */
	List<OutlookContact> contacts(@Nullable String mailbox, @Nullable String folderId, IProgressMonitor monitor)
			throws GraphException, AuthException;

	/** The mailbox's master categories (MailboxSettings.Read, or Calendars.Read.Shared for a shared mailbox). */
	List<Category> categories(@Nullable String mailbox) throws GraphException, AuthException;

	/** The largest message the mailbox accepts and its time zone (MailboxSettings.Read). */
	MailboxLimits limits() throws GraphException, AuthException;
}
