/**
 * The SLF4J 2 provider of the product, a fragment of the SLF4J API bundle: SLF4J finds it with
 * its own class loader's ServiceLoader, so no SPI mediator (SPI Fly) has to scan every bundle at
 * start-up. Warnings and errors of the libraries (Handlebars, Log4j's API through its SLF4J
 * bridge) go to the Eclipse log; trace, debug and info are dropped.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.logging.slf4j2;
