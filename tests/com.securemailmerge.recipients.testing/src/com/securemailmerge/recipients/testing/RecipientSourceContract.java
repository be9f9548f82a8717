package com.securemailmerge.recipients.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;

/**
 * What every file-based recipient source must do, whatever its format. Each source's tests
 * subclass this and say how to write rows in their format; the expectations stay the same.
 */
public abstract class RecipientSourceContract {

	@TempDir
	protected Path folder;

	/** The source under test. */
	protected abstract RecipientSource source();

	/** The source's id in the extension point (saved in source references). */
	protected abstract String sourceId();

	/** Writes the rows (the first one is the header) to a new file in the folder, in the source's format. */
	protected abstract Path write(String name, List<List<String>> rows) throws Exception;

	protected LoadResult load(Path file) throws SourceException {
		return source().load(new SourceReference(sourceId(), file.toString()), new NullProgressMonitor());
	}

	private static List<String> row(String... cells) {
		return List.of(cells);
	}

	@Test
	void emptyInputIsAnErrorThatNamesTheFile() throws Exception {
		Path file = write("leer", List.of());
		SourceException e = assertThrows(SourceException.class, () -> load(file));
		assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
	}

	@Test
	void headerOnlyGivesTheFieldsAndNoRecipients() throws Exception {
		LoadResult result = load(write("nur-kopf", List.of(row("E-Mail", "Vorname", "Nachname"))));
		assertEquals(List.of("E-Mail", "Vorname", "Nachname"),
				result.recipients().fields().stream().map(Field::name).toList());
		assertTrue(result.recipients().recipients().isEmpty());
		assertEquals("E-Mail", result.recipients().emailField());
		assertTrue(result.problems().isEmpty(), result.problems().toString());
	}

	@Test
	void unicodeValuesArriveUnchanged() throws Exception {
		String name = "Jürgen Müller – Straße 5 € ½ 李小龍 😀";
		LoadResult result = load(write("unicode", List.of(row("E-Mail", "Name"), row("juergen@example.de", name))));
		assertEquals(name, result.recipients().recipients().get(0).text("Name"));
	}

	@Test
	void duplicateHeadersAreRenamedAndReported() throws Exception {
		LoadResult result = load(write("doppelt", List.of(row("E-Mail", "Name", "Name"), row("a@example.org", "A", "B"))));
		assertEquals(List.of("E-Mail", "Name", "Name (2)"), result.recipients().fields().stream().map(Field::name).toList());
		Recipient first = result.recipients().recipients().get(0);
		assertEquals("A", first.text("Name"));
		assertEquals("B", first.text("Name (2)"));
		assertEquals(1, result.problems().size());
		assertEquals(Problem.Kind.SOURCE, result.problems().get(0).kind());
		assertTrue(result.problems().get(0).message().contains("Name"));
	}

	@Test
	void blankRowsAreSkippedAndRowNumbersStayThoseOfTheFile() throws Exception {
		LoadResult result = load(write("luecken",
				List.of(row("E-Mail", "Name"), row("a@example.org", "A"), row("", ""), row("b@example.org", "B"))));
		assertEquals(List.of(new RecipientKey("row:2"), new RecipientKey("row:4")),
				result.recipients().recipients().stream().map(Recipient::key).toList());
	}

	@Test
	void addressProblemsNameTheRowAndNothingIsDropped() throws Exception {
		LoadResult result = load(write("adressen", List.of(row("E-Mail", "Name"), row("a@example.org", "A"),
				row("", "ohne Adresse"), row("kein-at-zeichen.example.org", "ungültig"), row("A@example.org", "doppelt"))));
		assertEquals(4, result.recipients().recipients().size(), "every row is kept");
		Map<Problem.Kind, Set<String>> byKind = result.problems().stream().collect(Collectors.groupingBy(
				Problem::kind, Collectors.mapping(p -> String.valueOf(p.recipient()), Collectors.toSet())));
		assertEquals(Set.of("row:3"), byKind.get(Problem.Kind.MISSING_VALUE));
		assertEquals(Set.of("row:4"), byKind.get(Problem.Kind.INVALID_ADDRESS));
		assertEquals(Set.of("row:5"), byKind.get(Problem.Kind.DUPLICATE_ADDRESS));
		assertTrue(result.problems().stream().allMatch(p -> "E-Mail".equals(p.field())));
	}

	@Test
	void readsAHundredThousandRows() throws Exception {
		List<List<String>> rows = new ArrayList<>(100_001);
		rows.add(row("E-Mail", "Vorname", "Nachname", "Ort", "Betrag"));
		for (int i = 1; i <= 100_000; i++) {
			rows.add(row("person" + i + "@example.org", "Vorname" + i, "Nachname" + i, "Köln", Integer.toString(i)));
		}
		LoadResult result = load(write("gross", rows));
		List<Recipient> recipients = result.recipients().recipients();
		assertEquals(100_000, recipients.size());
		assertEquals("person100000@example.org", recipients.get(99_999).text("E-Mail"));
		assertEquals(new RecipientKey("row:100001"), recipients.get(99_999).key());
		assertFalse(result.problems().stream().anyMatch(Problem::isError));
	}

	@Test
	void aCancelledLoadStops() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		rows.add(row("E-Mail"));
		for (int i = 1; i <= 5_000; i++) {
			rows.add(row("p" + i + "@example.org"));
		}
		Path file = write("abbruch", rows);
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		assertThrows(OperationCanceledException.class,
				() -> source().load(new SourceReference(sourceId(), file.toString()), monitor));
	}
}
