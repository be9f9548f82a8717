/**
 * Signing in to Microsoft 365 once for the whole workbench: {@link com.securemailmerge.auth.AuthService}
 * hands out access tokens for the delegated scopes each feature asks for when first used. Tokens
 * live in memory only: after a restart the user signs in again.
 */
@NonNullByDefault
package com.securemailmerge.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;
