package com.securemailmerge.recipients.outlook;

import org.eclipse.core.runtime.IProgressMonitor;

import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;
import com.securemailmerge.recipients.outlook.internal.ContactsReader;
import com.securemailmerge.recipients.outlook.internal.Messages;

/** The signed-in user's Outlook contacts (option "folder": a contacts folder's id; default folder otherwise). */
public final class OutlookContactsSource implements RecipientSource {

	private final ContactsReader reader;

	/** As the extension registry creates it: the workbench's mailbox service is used. */
	public OutlookContactsSource() {
		this.reader = new ContactsReader();
	}

	public OutlookContactsSource(MailboxService service) {
		this.reader = new ContactsReader(service);
	}

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		return reader.read(reference, null, Messages.Contacts_mine, monitor);
	}
}
