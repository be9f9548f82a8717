/**
 * Drives the built product from inside, as a user would through its widgets: installed into a
 * copy of the product by the product tests (never shipped), idle unless the system property
 * {@code smm.driver.script} names a script. Steps and screenshots go to {@code smm.driver.out}.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
package com.securemailmerge.product.driver;
