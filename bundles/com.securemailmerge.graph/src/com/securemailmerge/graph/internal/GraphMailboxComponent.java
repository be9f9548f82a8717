package com.securemailmerge.graph.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.graph.ContactFolder;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.MailboxLimits;
import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.graph.MailboxUser;
import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.model.Category;

/** The workbench's mailbox service: Microsoft Graph with the workbench's auth service. */
@Component(service = MailboxService.class)
public final class GraphMailboxComponent implements MailboxService {

	private final MailboxService delegate;

	@Activate
	public GraphMailboxComponent(@Reference AuthService auth) {
		this.delegate = new GraphMailboxService(auth);
	}

	@Override
	public MailboxUser me() throws GraphException, AuthException {
		return delegate.me();
	}

	@Override
	public List<ContactFolder> contactFolders(@Nullable String mailbox) throws GraphException, AuthException {
		return delegate.contactFolders(mailbox);
	}

	@Override
	public List<OutlookContact> contacts(@Nullable String mailbox, @Nullable String folderId, IProgressMonitor monitor)
			throws GraphException, AuthException {
		return delegate.contacts(mailbox, folderId, monitor);
	}

	@Override
	public List<Category> categories(@Nullable String mailbox) throws GraphException, AuthException {
		return delegate.categories(mailbox);
	}

	@Override
	public MailboxLimits limits() throws GraphException, AuthException {
		return delegate.limits();
	}
}
