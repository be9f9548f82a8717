package com.securemailmerge.campaign;

import java.io.IOException;

/** A campaign file that cannot be read or written; the message names the file (and line). */
public final class CampaignFileException extends IOException {

	private static final long serialVersionUID = 1L;

	public CampaignFileException(String message, Throwable cause) {
		super(message, cause);
	}

	public CampaignFileException(String message) {
		super(message);
	}
}
