package com.securemailmerge.recipients.vcard;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.testing.RecipientSourceContract;

/** The vCard source under the common contract: each person a card of version 4.0, written by hand. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class VcardRecipientSourceContractTest extends RecipientSourceContract {

	private static final Map<String, String> FIELDS = Map.of("E-Mail", "Email", "Vorname", "First name", "Nachname",
			"Last name");

	@TempDir
	Path folder;

	@Override
	protected RecipientSource source() {
		return new VcardRecipientSource();
	}

	@Override
	protected String sourceId() {
		return "vcard";
	}

	@Override
	protected LoadResult loadPeople(String name, List<List<String>> rows, IProgressMonitor monitor) throws Exception {
		Path file = folder.resolve(name + ".vcf");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (List<String> row : rows.subList(1, rows.size())) {
				out.write("BEGIN:VCARD\r\nVERSION:4.0\r\n");
				out.write("N:" + escape(row.get(2)) + ";" + escape(row.get(1)) + ";;;\r\n");
				out.write("FN:" + escape(row.get(1) + " " + row.get(2)) + "\r\n");
				if (!row.get(0).isEmpty()) {
					out.write("EMAIL:" + escape(row.get(0)) + "\r\n");
				}
				out.write("END:VCARD\r\n");
			}
		}
		return source().load(new SourceReference(sourceId(), file.toString()), monitor);
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n");
	}

	@Override
	protected String field(String canonical) {
		return FIELDS.get(canonical);
	}

	/** The n-th card is numbered n + 1, keyed by its address. */
	@Override
	protected RecipientKey key(int index, String address) {
		return RecipientIdentity.key(index + 1, address);
	}

	@Override
	protected boolean sameAddressIsOneRecipient() {
		return true;
	}
}
