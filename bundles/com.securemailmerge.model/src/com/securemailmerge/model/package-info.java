/**
 * The domain of SecureMailMerge: recipients with typed fields, templates, attachments, campaigns,
 * merged messages and problems. Records and interfaces only; no dependencies, so every other
 * bundle can depend on this one.
 */
@NonNullByDefault
package com.securemailmerge.model;

import org.eclipse.jdt.annotation.NonNullByDefault;
