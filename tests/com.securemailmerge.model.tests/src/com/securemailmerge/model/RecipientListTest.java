package com.securemailmerge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

final class RecipientListTest {

	private static final SourceReference CSV = new SourceReference("csv", "/tmp/members.csv",
			Map.of("delimiter", ";"));

	private static Recipient recipient(String key, String mail) {
		return new Recipient(new RecipientKey(key), Map.of("E-Mail", FieldValue.text(mail)));
	}

	@Test
	void rejectsDuplicateFieldNames() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecipientList(CSV,
				List.of(Field.text("Name"), Field.text("Name")), List.of(), null));
		assertTrue(e.getMessage().contains("Name"));
	}

	@Test
	void rejectsDuplicateKeysSoJournalsStayUnambiguous() {
		assertThrows(IllegalArgumentException.class, () -> new RecipientList(CSV, List.of(Field.text("E-Mail")),
				List.of(recipient("r1", "a@example.org"), recipient("r1", "b@example.org")), "E-Mail"));
	}

	@Test
	void theEmailFieldMustBeOneOfTheFields() {
		assertThrows(IllegalArgumentException.class,
				() -> new RecipientList(CSV, List.of(Field.text("Name")), List.of(), "E-Mail"));
	}

	@Test
	void includeAndExcludeBySelection() {
		RecipientList list = new RecipientList(CSV, List.of(Field.text("E-Mail")),
				List.of(recipient("r1", "a@example.org"), recipient("r2", "b@example.org"),
						recipient("r3", "c@example.org")),
				"E-Mail");
		RecipientList changed = list.withIncluded(Set.of(new RecipientKey("r2")), false);
		assertEquals(List.of("r1", "r3"), changed.included().stream().map(r -> r.key().value()).toList());
		assertFalse(changed.recipient(new RecipientKey("r2")).orElseThrow().included());
		assertEquals(3, list.included().size(), "the original list is unchanged");
		assertEquals("E-Mail", changed.emailField());
	}

	@Test
	void sourceOptionsAreCopiedAndSorted() {
		SourceReference reference = new SourceReference("excel", "a.xlsx", Map.of("sheet", "Mitglieder", "header", "1"));
		assertEquals(List.of("header", "sheet"), List.copyOf(new java.util.TreeMap<>(reference.options()).keySet()));
		assertEquals(reference, new SourceReference("excel", "a.xlsx", Map.of("header", "1", "sheet", "Mitglieder")));
	}
}
