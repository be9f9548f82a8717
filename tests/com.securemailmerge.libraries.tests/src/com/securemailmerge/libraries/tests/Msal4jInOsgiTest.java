package com.securemailmerge.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.PublicClientApplication;

/** MSAL4J resolves as the wrapped bundle and works without network: builder, authority, cache. */
final class Msal4jInOsgiTest {

	private static final String CLIENT_ID = "5b7e9a1c-0d1e-4f11-9a8b-2c3d4e5f6a7b";

	@Test
	void buildsAPublicClientWithAnEmptyInMemoryCache() throws Exception {
		PublicClientApplication app = PublicClientApplication.builder(CLIENT_ID)
				.authority("https://login.microsoftonline.com/organizations/").build();
		assertEquals(CLIENT_ID, app.clientId());
		assertEquals("https://login.microsoftonline.com/organizations/", app.authority());
		Set<IAccount> accounts = app.getAccounts().get();
		assertTrue(accounts.isEmpty(), "a new application has no cached accounts");
		Bundle bundle = FrameworkUtil.getBundle(PublicClientApplication.class);
		assertEquals("msal4j", bundle.getSymbolicName(), "loaded from the msal4j bundle, not the test's class path");
	}

	@Test
	void rejectsAPlainHttpAuthority() {
		assertThrows(IllegalArgumentException.class,
				() -> PublicClientApplication.builder(CLIENT_ID).authority("http://127.0.0.1:1/common/").build());
	}
}
