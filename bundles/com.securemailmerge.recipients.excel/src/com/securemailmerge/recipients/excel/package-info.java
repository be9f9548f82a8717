/** Recipients from Excel workbooks through Apache POI: streaming for .xlsx, HSSF for .xls. */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.recipients.excel;
