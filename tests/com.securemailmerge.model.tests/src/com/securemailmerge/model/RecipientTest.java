package com.securemailmerge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

final class RecipientTest {

	private static Map<String, FieldValue> values() {
		Map<String, FieldValue> values = new LinkedHashMap<>();
		values.put("Straße", FieldValue.text("Hauptstraße 1"));
		values.put("E-Mail", new FieldValue("anna@example.org", FieldType.EMAIL, null));
		values.put("Betrag", new FieldValue("1.234,50 €", FieldType.CURRENCY, new BigDecimal("1234.50")));
		return values;
	}

	@Test
	void keepsTheSourceColumnOrder() {
		Recipient recipient = new Recipient(new RecipientKey("csv:1"), values());
		assertEquals(List.of("Straße", "E-Mail", "Betrag"), List.copyOf(recipient.values().keySet()));
	}

	@Test
	void isImmutableEvenWhenTheCallerChangesItsMap() {
		Map<String, FieldValue> values = new HashMap<>(values());
		Recipient recipient = new Recipient(new RecipientKey("csv:1"), values);
		values.clear();
		assertEquals("Hauptstraße 1", recipient.text("Straße"));
		assertThrows(UnsupportedOperationException.class, () -> recipient.values().put("x", FieldValue.EMPTY));
		assertThrows(UnsupportedOperationException.class, () -> recipient.categories().add("x"));
	}

	@Test
	void aMissingFieldReadsAsEmptyText() {
		Recipient recipient = new Recipient(new RecipientKey("csv:1"), values());
		assertEquals("", recipient.text("Vorname"));
		assertTrue(recipient.value("Vorname").isEmpty());
		assertEquals(new BigDecimal("1234.50"), recipient.value("Betrag").orElseThrow().typed());
	}

	@Test
	void excludingKeepsKeyValuesAndCategories() {
		Recipient recipient = new Recipient(new RecipientKey("csv:1"), values(), Set.of("Vorstand"), true);
		Recipient excluded = recipient.withIncluded(false);
		assertFalse(excluded.included());
		assertEquals(recipient.key(), excluded.key());
		assertEquals(recipient.values(), excluded.values());
		assertEquals(Set.of("Vorstand"), excluded.categories());
		assertSame(excluded, excluded.withIncluded(false));
	}

	@Test
	void keysCompareByValueAndRejectBlank() {
		assertEquals(new RecipientKey("a"), new RecipientKey("a"));
		assertTrue(new RecipientKey("a").compareTo(new RecipientKey("b")) < 0);
		assertThrows(IllegalArgumentException.class, () -> new RecipientKey(" "));
	}
}
