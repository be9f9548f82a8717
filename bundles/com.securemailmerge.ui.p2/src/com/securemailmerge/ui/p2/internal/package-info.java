/**
 * Installing from p2 update sites without any UI toolkit: {@link com.securemailmerge.ui.p2.internal.UpdateSites}
 * loads a site, lists its features, installs them into the running profile and lists what is
 * installed; problems come back as statuses with messages a user can act on.
 */
@NonNullByDefault
package com.securemailmerge.ui.p2.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
