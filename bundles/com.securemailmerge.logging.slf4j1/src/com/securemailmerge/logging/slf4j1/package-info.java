/**
 * SLF4J 1.7 (MSAL4J, the Graph SDK) logging: warnings and errors to the Eclipse log, the
 * rest dropped. A bundle of ours because the SLF4J 1.7 bindings on Maven Central require
 * any bundle named slf4j.api and so wire to SLF4J 2 (which Handlebars needs) when both are present.
 * The package is exported as version 1.7.36.smm, above slf4j-simple 1.7.36, so that SLF4J 1.7 picks
 * this binding where Tycho's test harness brings slf4j-simple along.
 */
@NonNullByDefault
package com.securemailmerge.logging.slf4j1;

import org.eclipse.jdt.annotation.NonNullByDefault;
