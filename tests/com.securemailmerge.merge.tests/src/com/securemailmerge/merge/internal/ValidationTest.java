package com.securemailmerge.merge.internal;

import static com.securemailmerge.merge.internal.MergeFixture.recipient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;

@org.eclipse.jdt.annotation.NonNullByDefault({})
class ValidationTest {

	private static RecipientList list() {
		return new RecipientList(new SourceReference("csv", "/tmp/x.csv"),
				MergeFixture.FIELDS.stream().map(Field::text).toList(),
				List.of(recipient(2, "E-Mail", "a@example.org", "Vorname", "A"), recipient(3, "E-Mail", "b@example.org"),
						recipient(4, "E-Mail", "not an address", "Vorname", "C"), recipient(5, "E-Mail", "d@example.org")),
				"E-Mail");
	}

	/**
	 * Recipients on the opt-out list are named (INFO) and their problems block nothing: b (no first
	 * name) and d (fine) are opted out, so only a missing value is left, and only the invalid
	 * address of c, which no list can hold, remains an error.
	 */
	@Test
	void optedOutRecipientsAreNamedAndTheirProblemsBlockNothing() {
		Validation validation = Validation.of(MergeFixture.compile("Hallo {{Vorname}}", "<p>Text</p>"), list(), 0,
				java.util.Set.of("b@example.org", "d@example.org")::contains, new NullProgressMonitor());
		assertEquals(4, validation.checked());
		assertEquals(Map.of(Problem.Kind.OPTED_OUT, 2, Problem.Kind.INVALID_ADDRESS, 1), validation.counts());
		assertTrue(validation.problems().stream().filter(p -> p.kind() == Problem.Kind.OPTED_OUT)
				.allMatch(p -> p.severity() == Problem.Severity.INFO && p.message().contains("@example.org")));
		Validation onlyB = Validation.of(MergeFixture.compile("Hallo {{Vorname}}", "<p>Text</p>"),
				new RecipientList(list().source(), list().fields(), List.of(list().recipients().get(1)), "E-Mail"), 0,
				"b@example.org"::equals, new NullProgressMonitor());
		assertTrue(!onlyB.hasErrors(), "b's missing first name blocks nothing: " + onlyB.problems());
	}

	@Test
	void namesEveryRecipientWithAProblemAndCountsEachKind() {
		Validation validation = Validation.of(MergeFixture.compile("Hallo {{Vorname}}", "<p>Text</p>"), list(),
				new NullProgressMonitor());
		assertEquals(4, validation.checked());
		assertTrue(validation.hasErrors());
		assertEquals(Map.of(Problem.Kind.MISSING_VALUE, 2, Problem.Kind.INVALID_ADDRESS, 1), validation.counts());
		assertEquals(Set.of("row:3", "row:4", "row:5"), validation.problems().stream().map(p -> p.recipient().value())
				.collect(java.util.stream.Collectors.toSet()));
		assertEquals(3, validation.recipientsWithErrors());
	}

	@Test
	void excludedRecipientsAreNotChecked() {
		RecipientList list = list().withIncluded(Set.of(new RecipientKey("row:3"), new RecipientKey("row:4"),
				new RecipientKey("row:5")), false);
		Validation validation = Validation.of(MergeFixture.compile("Hallo {{Vorname}}", "b"), list,
				new NullProgressMonitor());
		assertEquals(1, validation.checked());
		assertFalse(validation.hasErrors(), validation.problems().toString());
	}

	@Test
	void aTemplateThatDoesNotCompileIsTheOnlyProblem() {
		Validation validation = Validation.of(MergeFixture.compile("{{Unbekannt}}", "b"), list(), new NullProgressMonitor());
		assertEquals(0, validation.checked());
		assertEquals(Map.of(Problem.Kind.UNKNOWN_FIELD, 1), validation.counts());
	}

	@Test
	void validationCanBeCancelled() {
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		org.junit.jupiter.api.Assertions.assertThrows(OperationCanceledException.class,
				() -> Validation.of(MergeFixture.compile("s", "b"), list(), monitor));
	}
}
