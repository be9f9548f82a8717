/**
 * The Microsoft 365 account in the workbench: always visible, with sign-in and sign-out. Widgets and
 * injected fields are set in @PostConstruct, so only parameters and results default to non-null.
 */
@NonNullByDefault({ DefaultLocation.PARAMETER, DefaultLocation.RETURN_TYPE })
package com.securemailmerge.ui.m365;

import org.eclipse.jdt.annotation.DefaultLocation;
import org.eclipse.jdt.annotation.NonNullByDefault;
