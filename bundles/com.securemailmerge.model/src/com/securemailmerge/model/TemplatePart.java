package com.securemailmerge.model;

/** The parts of a template that are merged separately; a problem's line and column refer to one. */
public enum TemplatePart {
	SUBJECT, BODY, TO, CC, BCC, REPLY_TO, ATTACHMENT
}
