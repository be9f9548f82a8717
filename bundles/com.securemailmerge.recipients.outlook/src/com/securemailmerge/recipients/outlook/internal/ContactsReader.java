package com.securemailmerge.recipients.outlook.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/**
 * Reads the contacts of the signed-in user's or a shared mailbox through the mailbox service (the
 * workbench's checks the licence when an address book is read).
 */
public final class ContactsReader {

	public static final String OPTION_FOLDER = "folder"; //$NON-NLS-1$

	private final @Nullable MailboxService service;

	/** With the mailbox service of the running workbench (looked up when reading). */
	public ContactsReader() {
		this.service = null;
	}

	public ContactsReader(MailboxService service) {
		this.service = service;
	}

	public LoadResult read(SourceReference reference, @Nullable String mailbox, String label, IProgressMonitor monitor)
			throws SourceException {
		MailboxService mailboxes = service != null ? service : lookUp(reference);
		try {
			List<OutlookContact> contacts = mailboxes.contacts(mailbox, reference.options().get(OPTION_FOLDER), monitor);
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			LoadResult list = ContactList.of(reference, label, contacts);
			try {
				return new LoadResult(list.recipients(), list.problems(), mailboxes.categories(mailbox));
			} catch (GraphException e) {
				// the colours are a nicety: without the right to read them the list still filters, in grey
				List<Problem> problems = new java.util.ArrayList<>(list.problems());
				problems.add(new Problem(Problem.Severity.INFO, Problem.Kind.SOURCE, null, null, null,
						e.getMessage() == null ? e.toString() : e.getMessage(), 0, 0));
				return new LoadResult(list.recipients(), problems);
			}
		} catch (GraphException | AuthException e) {
			throw new SourceException(e.getMessage() == null ? e.toString() : e.getMessage(), reference.location(), e);
		}
	}

	private static MailboxService lookUp(SourceReference reference) throws SourceException {
		Bundle bundle = FrameworkUtil.getBundle(ContactsReader.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		ServiceReference<MailboxService> found = context == null ? null : context.getServiceReference(MailboxService.class);
		MailboxService mailboxes = found == null ? null : context.getService(found);
		if (mailboxes == null) {
			throw new SourceException(Messages.Contacts_notSetUp, reference.location(), null);
		}
		return mailboxes;
	}
}
