/**
 * The workbench's start-up: the life cycle hook that loads the classes the first window needs on
 * a second thread while the main thread builds the window.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.app.internal;
