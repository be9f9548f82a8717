/** Recipients from CSV files as Excel and other programs write them. */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.recipients.csv;
