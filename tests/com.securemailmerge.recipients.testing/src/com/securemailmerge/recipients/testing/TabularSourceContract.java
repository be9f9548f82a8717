package com.securemailmerge.recipients.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/**
 * What every file-based (tabular) recipient source must do on top of {@link RecipientSourceContract}:
 * empty files, header-only files, duplicate headers, blank rows and row numbers. Each source's tests
 * say how to write rows in their format.
 */
public abstract class TabularSourceContract extends RecipientSourceContract {

	@TempDir
	protected Path folder;

	/** Writes the rows (the first one is the header) to a new file in the folder, in the source's format. */
	protected abstract Path write(String name, List<List<String>> rows) throws Exception;

	protected LoadResult load(Path file) throws SourceException {
		return source().load(new SourceReference(sourceId(), file.toString()), new NullProgressMonitor());
	}

	@Override
	protected LoadResult loadPeople(String name, List<List<String>> rows, IProgressMonitor monitor) throws Exception {
		return source().load(new SourceReference(sourceId(), write(name, rows).toString()), monitor);
	}

	/** Data rows start in row 2, under the header; a recipient with an address is keyed by it. */
	@Override
	protected RecipientKey key(int index, String address) {
		return RecipientIdentity.key(index + 2, address);
	}

	@Override
	protected boolean sameAddressIsOneRecipient() {
		return true;
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
		assertEquals(List.of(2, 4), result.recipients().recipients().stream().map(Recipient::row).toList());
		assertEquals(List.of(new RecipientKey("mail:a@example.org"), new RecipientKey("mail:b@example.org")),
				result.recipients().recipients().stream().map(Recipient::key).toList());
	}

	@Test
	void sortingTheFileOrInsertingRowsKeepsEveryonesKey() throws Exception {
		LoadResult before = load(write("vorher", List.of(row("E-Mail", "Name"), row("a@example.org", "A"),
				row("B@Example.ORG", "B"), row("c@bücher.example", "C"))));
		LoadResult after = load(write("nachher", List.of(row("E-Mail", "Name"), row("neu@example.org", "Neu"),
				row("  c@xn--bcher-kva.example ", "C"), row("b@example.org", "B"), row("a@example.org", "A"))));
		java.util.Map<String, RecipientKey> first = new java.util.HashMap<>();
		before.recipients().recipients().forEach(r -> first.put(r.text("Name"), r.key()));
		for (Recipient recipient : after.recipients().recipients()) {
			if (!recipient.text("Name").equals("Neu")) {
				assertEquals(first.get(recipient.text("Name")), recipient.key(), recipient.text("Name"));
			}
		}
		assertEquals(new RecipientKey("mail:c@xn--bcher-kva.example"), first.get("C"), "the domain in its IDN form");
	}

	@Test
	void theSameAddressTwiceIsOneRecipientAndTheWarningNamesBothRows() throws Exception {
		LoadResult result = load(write("doppelt", List.of(row("E-Mail", "Name"), row("a@example.org", "A"),
				row("b@example.org", "B"), row(" A@EXAMPLE.org", "A2"))));
		assertEquals(2, result.recipients().recipients().size());
		Problem warning = result.problems().stream().filter(p -> p.kind() == Problem.Kind.DUPLICATE_ADDRESS).findFirst()
				.orElseThrow();
		assertTrue(warning.message().contains("4") && warning.message().contains("2"), warning.message());
		assertEquals(new RecipientKey("mail:a@example.org"), warning.recipient());
		assertEquals("A", result.recipients().recipients().get(0).text("Name"), "the first row's values are used");
	}
}
