package com.securemailmerge.auth;

import java.util.Objects;

/** The signed-in user: the address shown in the window and the account's stable id. */
public record Account(String username, String homeAccountId, String tenantId) {

	public Account {
		Objects.requireNonNull(username, "username"); //$NON-NLS-1$
		Objects.requireNonNull(homeAccountId, "homeAccountId"); //$NON-NLS-1$
		Objects.requireNonNull(tenantId, "tenantId"); //$NON-NLS-1$
	}
}
