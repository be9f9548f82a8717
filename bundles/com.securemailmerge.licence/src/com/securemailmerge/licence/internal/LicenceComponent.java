package com.securemailmerge.licence.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.securemailmerge.auth.LoopbackTrust;
import com.securemailmerge.licence.LicenceService;
import com.securemailmerge.licence.LicenceSettings;
import com.securemailmerge.licence.LicenceStatus;

/**
 * The workbench's licence service: reads {@link LicenceSettings} on every check and follows their
 * changes. No endpoint: the free tier without any network activity. A loopback endpoint with the
 * Microsoft 365 loopback certificate set trusts that certificate; any other the JVM's default trust.
 */
@Component(service = LicenceService.class)
public final class LicenceComponent implements LicenceService {

	private final CopyOnWriteArrayList<Consumer<LicenceStatus>> listeners = new CopyOnWriteArrayList<>();
	private volatile @Nullable LicenceStatus last;
	private @Nullable LicenceSettings settings;
	private @Nullable HttpLicenceClient current;

	/**
	 * The moment is not sent anywhere. It is not logged either: ILog lives in org.eclipse.core.runtime,
	 * which this bundle does not require (equinox.common does not provide it).
	 */
	@Override
	public LicenceStatus check(String primaryAddress, Moment moment) {
		LicenceStatus status;
		@Nullable LicenceSettings now = null;
		try {
			now = LicenceSettings.read();
			status = now.isConfigured() ? client(now).check(primaryAddress) : LicenceStatus.FREE;
		} catch (LicenceUnavailable e) {
			status = e.status;
		} catch (RuntimeException e) { // a check never stops the caller
			String endpoint = now == null ? LicenceSettings.NODE : now.endpoint();
			status = HttpLicenceClient.unknown(NLS.bind(Messages.Licence_unreachable, endpoint, HttpLicenceClient.reason(e)));
		}
		last = status;
		for (Consumer<LicenceStatus> listener : listeners) {
			try {
				listener.accept(status);
			} catch (RuntimeException e) {
				// a broken listener neither hides the status from the others nor reaches the caller
			}
		}
		return status;
	}

	private synchronized HttpLicenceClient client(LicenceSettings now) throws LicenceUnavailable {
		HttpLicenceClient existing = current;
		if (existing != null && Objects.equals(now, settings)) {
			return existing;
		}
		URI endpoint;
		try {
			endpoint = new URI(now.endpoint());
		} catch (URISyntaxException e) {
			throw new LicenceUnavailable(NLS.bind(Messages.Licence_invalidEndpoint, now.endpoint()));
		}
		SSLContext ssl = null;
		Path certificate = now.loopbackCertificate();
		if (certificate != null) {
			try {
				ssl = LoopbackTrust.of(certificate).context();
			} catch (IOException | GeneralSecurityException e) {
				throw new LicenceUnavailable(NLS.bind(Messages.Licence_certificate, endpoint.getHost(), HttpLicenceClient.reason(e)));
			}
		}
		HttpLicenceClient created = new HttpLicenceClient(endpoint, ssl);
		if (existing != null) {
			existing.close();
		}
		settings = now;
		current = created;
		return created;
	}

	@Override
	public LicenceStatus status() {
		LicenceStatus known = last;
		if (known != null) {
			return known;
		}
		return LicenceSettings.read().isConfigured() ? HttpLicenceClient.unknown(Messages.Licence_notChecked) : LicenceStatus.FREE;
	}

	@Override
	public void addListener(Consumer<LicenceStatus> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Consumer<LicenceStatus> listener) {
		listeners.remove(listener);
	}

	@Deactivate
	synchronized void deactivate() {
		HttpLicenceClient existing = current;
		if (existing != null) {
			existing.close();
		}
		current = null;
		settings = null;
	}

	/** The endpoint or its certificate is unusable: no request is made. */
	private static final class LicenceUnavailable extends Exception {
		private static final long serialVersionUID = 1L;
		final LicenceStatus status;

		LicenceUnavailable(String message) {
			super(message);
			this.status = HttpLicenceClient.unknown(message);
		}
	}
}
