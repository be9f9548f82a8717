/** Texts of the account UI. */
@NonNullByDefault
package com.securemailmerge.ui.m365.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
