package com.securemailmerge.graph.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.LoopbackTrust;
import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.graph.ContactFolder;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.MailboxLimits;
import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.graph.MailboxUser;
import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.licence.LicenceService;
import com.securemailmerge.model.Category;

/**
 * The workbench's mailbox service: Microsoft Graph (or, with a loopback authority and its
 * certificate, the local emulator) with the workbench's auth service; follows preference changes.
 * Reading an address book checks the licence, as opening a transport does in
 * {@link GraphTransportComponent}: both through the licence service DS hands them.
 */
@Component(service = MailboxService.class)
public final class GraphMailboxComponent implements MailboxService {

	private final AuthService auth;
	/** Absent in a product without the licence bundle: then nothing is checked and nothing is sent. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile @Nullable LicenceService licence;
	private @Nullable M365Settings settings;
	private @Nullable MailboxService current;

	@Activate
	public GraphMailboxComponent(@Reference AuthService auth) {
		this.auth = auth;
	}

	private synchronized MailboxService delegate() throws GraphException {
		M365Settings now = M365Settings.read();
		MailboxService existing = current;
		if (existing != null && java.util.Objects.equals(now, settings)) {
			return existing;
		}
		MailboxService created = create(auth, now);
		settings = now;
		current = created;
		return created;
	}

	/** Graph (or, with a loopback address and its certificate, the local emulator) as the settings say. */
	static GraphMailboxService create(AuthService auth, M365Settings settings) throws GraphException {
		Path certificate = settings.loopbackCertificate();
		if (certificate != null && LoopbackTrust.isLoopback(settings.graphBase())) {
			try {
				LoopbackTrust trust = LoopbackTrust.of(certificate);
				return new GraphMailboxService(auth, settings.graphBase(), trust.context(), trust.trustManager());
			} catch (IOException | GeneralSecurityException e) {
				throw new GraphException(0, e.toString(), e);
			}
		}
		return new GraphMailboxService(auth);
	}

	@Override
	public MailboxUser me() throws GraphException, AuthException {
		return delegate().me();
	}

	@Override
	public List<ContactFolder> contactFolders(@Nullable String mailbox) throws GraphException, AuthException {
		return delegate().contactFolders(mailbox);
	}

	@Override
	public List<OutlookContact> contacts(@Nullable String mailbox, @Nullable String folderId, IProgressMonitor monitor)
			throws GraphException, AuthException {
		MailboxService mailboxes = delegate();
		List<OutlookContact> contacts = mailboxes.contacts(mailbox, folderId, monitor);
		LicenceService check = licence;
		if (check != null && !monitor.isCanceled()) {
			// an address book load is the third moment: the signed-in user's primary address, nothing else
			check.check(mailboxes.me().primaryAddress(), LicenceService.Moment.ADDRESS_BOOK_LOAD);
		}
		return contacts;
	}

	@Override
	public List<Category> categories(@Nullable String mailbox) throws GraphException, AuthException {
		return delegate().categories(mailbox);
	}

	@Override
	public MailboxLimits limits() throws GraphException, AuthException {
		return delegate().limits();
	}
}
