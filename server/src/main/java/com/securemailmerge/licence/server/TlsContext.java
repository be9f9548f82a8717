package com.securemailmerge.licence.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's TLS context from a keystore file (PKCS#12 or JKS, detected by the JDK). */
final class TlsContext {

	private TlsContext() {
	}

	static SSLContext load(Path keystore, char[] password) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, password);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}
}
