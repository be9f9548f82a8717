/**
 * The dialogs of Help > Install New Software and Help > Installation Details. They render; the p2
 * work runs in Jobs. Widgets are set in createDialogArea, so only parameters and results default
 * to non-null.
 */
@NonNullByDefault({ DefaultLocation.PARAMETER, DefaultLocation.RETURN_TYPE })
package com.securemailmerge.ui.p2.dialogs;

import org.eclipse.jdt.annotation.DefaultLocation;
import org.eclipse.jdt.annotation.NonNullByDefault;
