package com.securemailmerge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MessageAndProblemTest {

	private static MergedMessage message(String to, String subject) {
		return new MergedMessage(new RecipientKey("r1"), List.of(to), List.of(), List.of(), List.of(), subject,
				"<p>Hallo</p>", "Hallo", List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Einladung\r\nBcc: evil@example.org", "Einladung\nX", "Einladung\r" })
	void headerValuesNeverCarryLineBreaks(String subject) {
		assertThrows(IllegalArgumentException.class, () -> message("anna@example.org", subject));
		assertThrows(IllegalArgumentException.class, () -> message("anna@example.org\r\nBcc: x@y", "ok"));
	}

	@Test
	void aMessageNeedsARecipientAddress() {
		assertThrows(IllegalArgumentException.class, () -> new MergedMessage(new RecipientKey("r1"), List.of(),
				List.of(), List.of(), List.of(), "s", "", "", List.of()));
	}

	@Test
	void problemsSortErrorsFirstThenByRecipientAndPosition() {
		Problem warning = Problem.ofRecipient(Problem.Severity.WARNING, Problem.Kind.DUPLICATE_ADDRESS,
				new RecipientKey("a"), "E-Mail", "duplicate");
		Problem errorB = Problem.ofRecipient(Problem.Severity.ERROR, Problem.Kind.INVALID_ADDRESS,
				new RecipientKey("b"), "E-Mail", "invalid");
		Problem syntax = new Problem(Problem.Severity.ERROR, Problem.Kind.TEMPLATE_SYNTAX, null, null, TemplatePart.BODY, "syntax", 3,
				7);
		List<Problem> problems = new ArrayList<>(List.of(warning, errorB, syntax));
		problems.sort(Problem.ORDER);
		assertEquals(List.of(syntax, errorB, warning), problems);
	}

	@Test
	void positionsAreOneBasedOrZero() {
		assertThrows(IllegalArgumentException.class,
				() -> new Problem(Problem.Severity.ERROR, Problem.Kind.TEMPLATE_SYNTAX, null, null, TemplatePart.BODY, "x", -1, 0));
	}
}
