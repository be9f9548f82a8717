package com.securemailmerge.recipients.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;

/**
 * What every recipient source must do, whatever it reads: files or a mailbox. A subclass says how
 * to put people (a header row E-Mail, Vorname, Nachname, then one row each) into its source, what
 * its fields for those are called and which key the n-th person gets; the expectations stay the
 * same. File sources extend {@link TabularSourceContract}, which adds what only tables have.
 */
public abstract class RecipientSourceContract {

	/** The source under test. */
	protected abstract RecipientSource source();

	/** The source's id in the extension point (saved in source references). */
	protected abstract String sourceId();

	/** Puts the people (first row: E-Mail, Vorname, Nachname) into the source and loads them. */
	protected abstract LoadResult loadPeople(String name, List<List<String>> rows, IProgressMonitor monitor)
			throws Exception;

	/** The source's name for the canonical field "E-Mail", "Vorname" or "Nachname". */
	protected String field(String canonical) {
		return canonical;
	}

	/** The key of the n-th person (0-based) of the rows given to {@link #loadPeople}, who has this address. */
	protected abstract RecipientKey key(int index, String address);

	/**
	 * True when the source's recipients are people identified by their address (file sources): a
	 * second row with an address already seen is the same recipient. Contacts stay contacts.
	 */
	protected boolean sameAddressIsOneRecipient() {
		return false;
	}

	/** How many people the source is asked to hold at once in {@link #readsManyRecipients()}. */
	protected int many() {
		return 100_000;
	}

	protected static List<String> row(String... cells) {
		return List.of(cells);
	}

	@Test
	void unicodeValuesArriveUnchanged() throws Exception {
		String name = "Müller – Straße 5 € ½ 李小龍 😀";
		LoadResult result = loadPeople("unicode", List.of(row("E-Mail", "Vorname", "Nachname"),
				row("juergen@example.de", "Jürgen", name)), new NullProgressMonitor());
		assertEquals(name, result.recipients().recipients().get(0).text(field("Nachname")));
		assertEquals("Jürgen", result.recipients().recipients().get(0).text(field("Vorname")));
	}

	@Test
	void theEmailFieldIsKnownAndKeysAreStableAcrossLoads() throws Exception {
		List<List<String>> rows = List.of(row("E-Mail", "Vorname", "Nachname"), row("a@example.org", "A", "Eins"),
				row("b@example.org", "B", "Zwei"));
		LoadResult first = loadPeople("stabil", rows, new NullProgressMonitor());
		assertEquals(field("E-Mail"), first.recipients().emailField());
		assertEquals(List.of(key(0, "a@example.org"), key(1, "b@example.org")), first.recipients().recipients().stream().map(Recipient::key).toList());
		LoadResult again = source().load(first.recipients().source(), new NullProgressMonitor());
		assertEquals(List.of(key(0, "a@example.org"), key(1, "b@example.org")), again.recipients().recipients().stream().map(Recipient::key).toList());
	}

	@Test
	void addressProblemsNameTheRecipientAndNothingIsDropped() throws Exception {
		LoadResult result = loadPeople("adressen", List.of(row("E-Mail", "Vorname", "Nachname"),
				row("a@example.org", "A", "Eins"), row("", "ohne", "Adresse"), row("kein-at-zeichen.example.org", "un", "gültig"),
				row("A@example.org", "dop", "pelt")), new NullProgressMonitor());
		boolean merged = sameAddressIsOneRecipient();
		assertEquals(merged ? 3 : 4, result.recipients().recipients().size(),
				merged ? "the same address twice is one recipient" : "every recipient is kept");
		Map<Problem.Kind, Set<RecipientKey>> byKind = result.problems().stream().filter(p -> p.recipient() != null)
				.collect(Collectors.groupingBy(Problem::kind, Collectors.mapping(Problem::recipient, Collectors.toSet())));
		assertEquals(Set.of(key(1, "")), byKind.get(Problem.Kind.MISSING_VALUE));
		assertEquals(Set.of(key(2, "kein-at-zeichen.example.org")), byKind.get(Problem.Kind.INVALID_ADDRESS));
		// a warning on the recipient who stays (the first row) or on the second contact
		assertEquals(Set.of(merged ? key(0, "a@example.org") : key(3, "A@example.org")),
				byKind.get(Problem.Kind.DUPLICATE_ADDRESS));
		assertTrue(result.problems().stream().filter(p -> p.recipient() != null)
				.allMatch(p -> field("E-Mail").equals(p.field())), result.problems().toString());
	}

	@Test
	void readsManyRecipients() throws Exception {
		int count = many();
		List<List<String>> rows = new ArrayList<>(count + 1);
		rows.add(row("E-Mail", "Vorname", "Nachname"));
		for (int i = 0; i < count; i++) {
			rows.add(row("person" + i + "@example.org", "Vorname" + i, "Nachname" + i));
		}
		LoadResult result = loadPeople("gross", rows, new NullProgressMonitor());
		List<Recipient> recipients = result.recipients().recipients();
		assertEquals(count, recipients.size());
		assertEquals("person" + (count - 1) + "@example.org", recipients.get(count - 1).text(field("E-Mail")));
		assertEquals(key(count - 1, "person" + (count - 1) + "@example.org"), recipients.get(count - 1).key());
		assertFalse(result.problems().stream().anyMatch(Problem::isError));
	}

	@Test
	void aCancelledLoadStops() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		rows.add(row("E-Mail", "Vorname", "Nachname"));
		for (int i = 1; i <= 5_000; i++) {
			rows.add(row("p" + i + "@example.org", "V", "N"));
		}
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		assertThrows(OperationCanceledException.class, () -> loadPeople("abbruch", rows, monitor));
	}
}
