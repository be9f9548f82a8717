package com.securemailmerge.model;

/** The kind of value a recipient field holds, as the source detected it. */
public enum FieldType {
	TEXT, NUMBER, CURRENCY, PERCENT, DATE, BOOLEAN, EMAIL
}
