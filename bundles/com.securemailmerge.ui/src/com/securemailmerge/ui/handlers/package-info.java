@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.ui.handlers;
