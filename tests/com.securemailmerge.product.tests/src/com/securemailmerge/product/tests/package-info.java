/**
 * Tests of the built product, started as a user starts it (its launcher script, a fresh data
 * folder) with the test driver bundle added; the driver works its widgets from inside and writes
 * its steps and screenshots, which these tests check together with what the product left on disk
 * and in the emulator.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
package com.securemailmerge.product.tests;
