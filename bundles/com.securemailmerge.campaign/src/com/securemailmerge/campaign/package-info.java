/** Campaign files: a campaign saved to one XML file and read back identically. */
@NonNullByDefault
package com.securemailmerge.campaign;

import org.eclipse.jdt.annotation.NonNullByDefault;
