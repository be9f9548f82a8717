package com.securemailmerge.model;

/** How a template's body is written. Both are sent as HTML with a plain-text alternative. */
public enum BodyFormat {
	HTML, MARKDOWN
}
