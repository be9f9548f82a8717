/**
 * The command line: {@code securemailmerge.sh --headless validate|send|report CAMPAIGN.smmc}, an Eclipse
 * application on the same bundles as the workbench (sources, merge, journal, transports), without any
 * GUI class and without a display.
 */
@NonNullByDefault
package com.securemailmerge.cli;

import org.eclipse.jdt.annotation.NonNullByDefault;
