package com.securemailmerge.graph.internal;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.MailboxLimits;
import com.securemailmerge.graph.MailboxUser;
import com.securemailmerge.licence.LicenceService;
import com.securemailmerge.send.OpenTransport;
import com.securemailmerge.send.Pacing;
import com.securemailmerge.send.SendingStopped;
import com.securemailmerge.send.TransportProvider;

/**
 * Sending through the signed-in Microsoft 365 mailbox: opening reads who is signed in (the address
 * messages go out from, shown before anything is sent) and the largest message the mailbox takes,
 * and paces to Exchange Online's limits.
 */
@Component(service = TransportProvider.class)
public final class GraphTransportComponent implements TransportProvider {

	private final AuthService auth;
	/** Absent in a product without the licence bundle: then nothing is checked and nothing is sent. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile @Nullable LicenceService licence;

	@Activate
	public GraphTransportComponent(@Reference AuthService auth) {
		this.auth = auth;
	}

	@Override
	public String label() {
		return auth.account().map(a -> NLS.bind(Messages.Transport_labelSignedIn, a.username()))
				.orElse(Messages.Transport_label);
	}

	@Override
	public boolean isReady() {
		return auth.isConfigured() && auth.account().isPresent();
	}

	@Override
	public OpenTransport open(Purpose purpose, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, Messages.Transport_opening, 2);
		if (!isReady()) {
			throw new SendingStopped(Messages.Transport_signIn, null);
		}
		try {
			GraphMailboxService graph = GraphMailboxComponent.create(auth, M365Settings.read());
			MailboxUser me = graph.me();
			progress.worked(1);
			LicenceService check = licence;
			if (check != null) { // a test mail and a campaign send are two of the three moments
				check.check(me.primaryAddress(), purpose == Purpose.TEST_MAIL ? LicenceService.Moment.TEST_MAIL
						: LicenceService.Moment.CAMPAIGN_SEND);
			}
			MailboxLimits limits = graph.limits();
			progress.worked(1);
			return new OpenTransport(new GraphTransport(graph), me.primaryAddress(), limits.maxMessageSize(),
					Pacing.EXCHANGE_ONLINE);
		} catch (GraphException | AuthException e) {
			throw GraphTransport.failure(e);
		}
	}

	@Override
	public String account() {
		return auth.account().map(a -> a.username()).orElse(""); //$NON-NLS-1$
	}

	@Override
	public String toString() {
		return "GraphTransport[" + auth.account().map(a -> a.username()).orElse("-") + ']'; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
