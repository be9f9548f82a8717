package com.securemailmerge.send;

/**
 * Where a recipient's message is. PLANNED (with its tag), DRAFTED (with the draft's id), SUBMITTED
 * (the service accepted it for sending; its Sent Items copy, which confirms it, has not appeared
 * yet), SENT (with its id), FAILED (with a reason; tried again on the next run) or UNCONFIRMED (it
 * was submitted and may have gone out, but no copy appeared within the confirmation window: it is
 * never sent again without the user's explicit choice). OPTED_OUT (with the address): left out,
 * since an address of its message is on the sender's opt-out list; asked again at every run (an
 * address taken off the list is sent to then). SCHEDULED (with the message's id and the time it is
 * due): handed to the service to go out at that time (Exchange's deferred delivery holds it in the
 * Outbox; offline, the .eml carries the time); a later run confirms it. WITHDRAWN (with the time it
 * was due): scheduled, then deleted before its time at the user's request: nothing went out, and the
 * next run sends it again.
 */
public enum RecipientState {
	PLANNED, DRAFTED, SUBMITTED, SENT, FAILED, UNCONFIRMED, OPTED_OUT, SCHEDULED, WITHDRAWN
}
