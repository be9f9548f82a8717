/**
 * The parts of the SecureMailMerge perspective, contributed through fragment.e4xmi. Fields are
 * assigned in @PostConstruct, so the non-null default covers parameters and return types only.
 */
@NonNullByDefault({ DefaultLocation.PARAMETER, DefaultLocation.RETURN_TYPE })
package com.securemailmerge.ui.parts;

import org.eclipse.jdt.annotation.DefaultLocation;
import org.eclipse.jdt.annotation.NonNullByDefault;
