package com.securemailmerge.model;

import java.util.Objects;

/**
 * An Outlook category: its name, its Outlook colour preset ({@code preset0}..{@code preset24}, or
 * {@code none}) and the mailbox it belongs to (the signed-in one or a shared mailbox's address).
 */
public record Category(String name, String color, String mailbox) {

	public Category {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(color, "color");
		Objects.requireNonNull(mailbox, "mailbox");
	}
}
