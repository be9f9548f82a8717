/** Texts of the campaign bundle. */
@NonNullByDefault
package com.securemailmerge.campaign.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
