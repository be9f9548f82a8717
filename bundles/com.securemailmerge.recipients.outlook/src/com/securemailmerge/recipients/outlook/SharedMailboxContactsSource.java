package com.securemailmerge.recipients.outlook;

import org.eclipse.core.runtime.IProgressMonitor;

import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;
import com.securemailmerge.recipients.outlook.internal.ContactsReader;
import com.securemailmerge.recipients.outlook.internal.Messages;

/** The contacts of a shared mailbox; the reference's location is the mailbox's address. */
public final class SharedMailboxContactsSource implements RecipientSource {

	private final ContactsReader reader;

	/** As the extension registry creates it: the workbench's mailbox service is used. */
	public SharedMailboxContactsSource() {
		this.reader = new ContactsReader();
	}

	public SharedMailboxContactsSource(MailboxService service) {
		this.reader = new ContactsReader(service);
	}

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		String mailbox = reference.location().strip();
		if (mailbox.isEmpty() || !mailbox.contains("@")) { //$NON-NLS-1$
			throw new SourceException(Messages.Contacts_sharedNeedsAddress, reference.location(), null);
		}
		return reader.read(reference, mailbox, mailbox, monitor);
	}
}
