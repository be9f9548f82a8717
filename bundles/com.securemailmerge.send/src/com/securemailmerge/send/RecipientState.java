package com.securemailmerge.send;

/** Where a recipient's message is: PLANNED, DRAFTED (with an id), SENT, or FAILED (with a reason). */
public enum RecipientState {
	PLANNED, DRAFTED, SENT, FAILED
}
