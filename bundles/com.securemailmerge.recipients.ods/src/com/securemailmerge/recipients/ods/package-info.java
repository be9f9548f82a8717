/**
 * Recipients from OpenDocument spreadsheets (.ods, and the flat .fods), as LibreOffice and
 * OpenOffice write them: content.xml read as a stream with Woodstox, values as LibreOffice displays
 * them (the text it stores with each cell).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.recipients.ods;
