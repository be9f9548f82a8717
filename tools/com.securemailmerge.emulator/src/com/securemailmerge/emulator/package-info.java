/**
 * A local stand-in for Microsoft's identity platform and Graph, for tests and for running the
 * workbench without a tenant: an OAuth 2.0 authority over HTTPS with a generated self-signed
 * certificate (device code, authorization code with form_post, refresh tokens, expiry) and a
 * Graph v1.0 endpoint that checks the tokens it issued. Everything is inspectable from the test.
 */
@NonNullByDefault
package com.securemailmerge.emulator;

import org.eclipse.jdt.annotation.NonNullByDefault;
