package com.securemailmerge.recipients.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.EmailAddresses;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientListBuilder;

@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class AddressesAndBuilderTest {

	@ParameterizedTest
	@ValueSource(strings = { "anna@example.org", "anna.maria+news@mail.example.co.uk", "jürgen@müller.de",
			"o'brien@example.ie", "x@xn--mller-kva.de" })
	void validAddresses(String address) {
		assertTrue(EmailAddresses.isValid(address), address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "anna", "anna@", "@example.org", "anna@example", "anna@@example.org",
			"anna..maria@example.org", ".anna@example.org", "anna@-example.org", "anna@example.o",
			"anna maria@example.org", "anna@example.org\r\nBcc: x@y.org", "Anna <anna@example.org>" })
	void invalidAddresses(String address) {
		assertFalse(EmailAddresses.isValid(address), address);
	}

	private static LoadResult build(List<String> header, List<List<String>> rows) {
		RecipientListBuilder builder = new RecipientListBuilder(new SourceReference("csv", "/tmp/x.csv"), "x.csv");
		builder.header(header, 1);
		for (int i = 0; i < rows.size(); i++) {
			builder.row(i + 2, rows.get(i).stream().map(FieldValue::text).toList());
		}
		return builder.build(null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "E-Mail", "Email", "E-Mail-Adresse", "Mail", "EMAIL_ADDRESS", "Primary E-mail" })
	void theEmailColumnIsGuessedFromItsHeader(String header) {
		LoadResult result = build(List.of("Name", header), List.of(List.of("Anna", "anna@example.org")));
		assertEquals(header, result.recipients().emailField());
	}

	@Test
	void withoutAnyAddressColumnTheUserIsToldToChooseOne() {
		LoadResult result = build(List.of("Name", "Ort"), List.of(List.of("Anna", "Köln")));
		assertNull(result.recipients().emailField());
		assertEquals(Problem.Kind.SOURCE, result.problems().get(0).kind());
		assertTrue(result.problems().get(0).isError());
	}

	@Test
	void blankHeadersGetANameAndLongRowsGetColumns() {
		LoadResult result = build(List.of("E-Mail", ""), List.of(List.of("a@example.org", "x", "überzählig")));
		assertEquals(3, result.recipients().fields().size());
		assertEquals("überzählig", result.recipients().recipients().get(0).values().values().stream()
				.map(FieldValue::display).toList().get(2));
	}

	/** Found by CsvFuzz: a header named like a generated column and a longer row ended the load with an exception. */
	@Test
	void aLongerRowGetsAColumnNameNoHeaderHas() {
		RecipientListBuilder builder = new RecipientListBuilder(new SourceReference("csv", "/tmp/x.csv"), "x.csv");
		String taken = org.eclipse.osgi.util.NLS.bind(Messages.Builder_unnamedColumn, 3).toLowerCase(java.util.Locale.ROOT);
		builder.header(List.of("E-Mail", taken), 1);
		builder.row(2, List.of(FieldValue.text("anna@example.org"), FieldValue.text("a"), FieldValue.text("b")));
		LoadResult result = builder.build(null);
		assertEquals(3, result.recipients().fields().size());
		assertEquals("b", result.recipients().recipients().get(0).values().get(
				result.recipients().fields().get(2).name()).display());
		assertFalse(result.recipients().fields().get(2).name().equalsIgnoreCase(taken));
	}
}
