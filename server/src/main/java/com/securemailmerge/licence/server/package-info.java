/**
 * The licence server: {@code POST /api/license} with the primary address as text/plain answers
 * {@code {"tier":"free"}} or {@code {"tier":"commercial","until":"YYYY-MM-DD"}}; a free address
 * is matched in memory and stored nowhere, a commercial one is stored as a seat until its licence
 * ends. {@link com.securemailmerge.licence.server.Main} is the command line ({@code serve} and
 * {@code licences ...}).
 *
 * <p>For a product test of the workbench against it: {@code java -jar licence-server.jar serve
 * --port -1 --https-port PORT --keystore FILE.p12 --keystore-password SECRET --licences FILE.csv
 * --db sqlite:PATH}; it prints {@code READY http=- https=127.0.0.1:PORT} when listening and stops
 * on SIGTERM (see server/README.md and {@code HttpsLauncherTest}).
 */
package com.securemailmerge.licence.server;
