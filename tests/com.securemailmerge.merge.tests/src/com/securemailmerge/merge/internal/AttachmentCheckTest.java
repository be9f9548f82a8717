package com.securemailmerge.merge.internal;

import static com.securemailmerge.merge.internal.MergeFixture.recipient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MessageSize;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TemplatePart;

/** Attachment files that are not there, and messages larger than the mailbox accepts. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class AttachmentCheckTest {

	private static final String ANNA = "anna@example.org";

	@TempDir
	Path folder;

	private CompiledTemplate withAttachments(Attachment... attachments) {
		return MergeFixture.compile(Template.of("s", "<p>b</p>", BodyFormat.HTML, ""), List.of(attachments),
				Locale.GERMANY, folder).template();
	}

	private String perRecipient(String name) {
		return folder.toString().replace('\\', '/') + "/" + name;
	}

	@Test
	void aFileThatIsThereIsAttached() throws Exception {
		Files.writeString(folder.resolve("Weber.pdf"), "%PDF");
		Rendering rendering = withAttachments(new Attachment(Attachment.Kind.PER_RECIPIENT, perRecipient("{{Nachname}}.pdf")))
				.render(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"));
		assertEquals(List.of(), rendering.problems());
		assertNotNull(rendering.message());
		assertEquals(List.of(folder.resolve("Weber.pdf")), rendering.message().attachments());
	}

	@Test
	void aMissingFileIsAnErrorOfThatRecipient() throws Exception {
		Files.writeString(folder.resolve("Weber.pdf"), "%PDF");
		Rendering rendering = withAttachments(new Attachment(Attachment.Kind.PER_RECIPIENT, perRecipient("{{Nachname}}.pdf")))
				.render(recipient(3, "E-Mail", "joerg@example.org", "Nachname", "Müller"));
		assertNull(rendering.message(), "nothing to send without the file");
		assertEquals(1, rendering.problems().size(), rendering.problems().toString());
		Problem missing = rendering.problems().get(0);
		assertEquals(Problem.Kind.MISSING_ATTACHMENT, missing.kind());
		assertTrue(missing.isError());
		assertEquals(new RecipientKey("row:3"), missing.recipient());
		assertNull(missing.field());
		assertEquals(TemplatePart.ATTACHMENT, missing.part());
		assertTrue(missing.message().contains(perRecipient("Müller.pdf")), missing.message());
	}

	@Test
	void aFolderIsNoAttachment() {
		Rendering rendering = withAttachments(new Attachment(Attachment.Kind.COMMON, folder.toString()))
				.render(recipient(2, "E-Mail", ANNA));
		assertNull(rendering.message());
		assertEquals(List.of(Problem.Kind.MISSING_ATTACHMENT), rendering.problems().stream().map(Problem::kind).toList());
		assertTrue(rendering.problems().get(0).message().contains(folder.toString()), rendering.problems().toString());
	}

	@Test
	void theEstimateCountsTextAsUtf8AndAttachmentsAsBase64() throws Exception {
		Path file = Files.write(folder.resolve("a.bin"), new byte[3000]);
		MergedMessage message = new MergedMessage(new RecipientKey("row:2"), List.of(ANNA), List.of(), List.of(), List.of(),
				"Größe", "<p>ä</p>", "ä", List.of(file, folder.resolve("gone.bin")));
		long text = "Größe".length() + 2 + "<p>ä</p>".length() + 1 + "ä".length() + 1 + ANNA.length();
		assertEquals(MessageSize.HEADERS + text + 4000, MessageSize.estimate(message));
	}

	@Test
	void aMessageOverTheLimitIsAnErrorAndOneUnderItIsNot() throws Exception {
		Files.write(folder.resolve("Weber.pdf"), new byte[600 * 1024]);
		Files.write(folder.resolve("Wagner.pdf"), new byte[100 * 1024]);
		RecipientList list = new RecipientList(new SourceReference("csv", "/tmp/x.csv"),
				MergeFixture.FIELDS.stream().map(Field::text).toList(),
				List.of(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"),
						recipient(3, "E-Mail", "clara@example.org", "Nachname", "Wagner")),
				"E-Mail");
		var compilation = MergeFixture.compile(Template.of("s", "<p>b</p>", BodyFormat.HTML, ""),
				List.of(new Attachment(Attachment.Kind.PER_RECIPIENT, perRecipient("{{Nachname}}.pdf"))), Locale.GERMANY,
				folder);
		long limit = 512 * 1024; // 600 KB become 800 KB in base64; 100 KB stay well under

		Validation limited = Validation.of(compilation, list, limit, new NullProgressMonitor());
		assertEquals(1, limited.problems().size(), limited.problems().toString());
		Problem tooLarge = limited.problems().get(0);
		assertEquals(Problem.Kind.MESSAGE_TOO_LARGE, tooLarge.kind());
		assertTrue(tooLarge.isError());
		assertEquals(new RecipientKey("row:2"), tooLarge.recipient());
		assertTrue(tooLarge.message().contains("0,8") || tooLarge.message().contains("0.8"), tooLarge.message());
		assertTrue(tooLarge.message().contains("0,5") || tooLarge.message().contains("0.5"), tooLarge.message());

		assertEquals(List.of(), Validation.of(compilation, list, 1024 * 1024, new NullProgressMonitor()).problems(),
				"both under 1 MB");
		assertEquals(List.of(), Validation.of(compilation, list, new NullProgressMonitor()).problems(), "no limit");
	}

	/** The problem of a per-recipient attachment whose value is {@code value} (in a field of its own). */
	private Problem refusedFor(String template, String value) {
		Rendering rendering = withAttachments(new Attachment(Attachment.Kind.PER_RECIPIENT, template))
				.render(recipient(2, "E-Mail", ANNA, "Nachname", value));
		assertNull(rendering.message(), "nothing is sent while the path leads out: " + value);
		assertEquals(1, rendering.problems().size(), rendering.problems().toString());
		Problem problem = rendering.problems().get(0);
		assertEquals(Problem.Kind.MISSING_ATTACHMENT, problem.kind());
		assertTrue(problem.isError());
		return problem;
	}

	@Test
	void perRecipientPathsThatLeadOutOfTheCampaignFolderAreRefusedNamingTheValue() throws Exception {
		Path outside = Files.createTempFile("steuer", ".pdf"); // a file that exists, outside the folder
		try {
			for (String value : List.of("../../Documents/tax", "../" + folder.getFileName() + "-x/a")) {
				Problem problem = refusedFor("Rechnungen/{{Nachname}}.pdf", value);
				assertTrue(problem.message().contains(value), problem.message());
			}
			for (String value : List.of("CON", "Rechnungen/LPT1.pdf", "nul.txt", outside.toString(), "/etc/passwd", "~/.ssh/id_rsa", "\\\\host\\share\\x.pdf",
					"//host/share/x.pdf", "C:\\Users\\anna\\x.pdf", "\\\\?\\C:\\x.pdf")) {
				Problem problem = refusedFor("{{Nachname}}", value);
				assertTrue(problem.message().contains(value.strip()), problem.message());
			}
			// the same answer whether the outside file exists or not: it was never looked at
			String existing = refusedFor("{{Nachname}}", outside.toString()).message().replace(outside.toString(), "X");
			String missing = refusedFor("{{Nachname}}", outside + ".gone").message().replace(outside + ".gone", "X");
			assertEquals(existing, missing);
		} finally {
			Files.deleteIfExists(outside);
		}
	}

	@Test
	void aLinkInsideTheFolderMayNotLeadOut() throws Exception {
		Path outside = Files.createTempDirectory("anderswo");
		try {
			Files.writeString(outside.resolve("geheim.pdf"), "%PDF");
			Files.createSymbolicLink(folder.resolve("Rechnungen"), outside);
			refusedFor("Rechnungen/{{Nachname}}.pdf", "geheim");
			// a link that stays inside is followed
			Files.createDirectories(folder.resolve("echt"));
			Files.writeString(folder.resolve("echt/Weber.pdf"), "%PDF");
			Files.createSymbolicLink(folder.resolve("Briefe"), folder.resolve("echt"));
			Rendering rendering = withAttachments(new Attachment(Attachment.Kind.PER_RECIPIENT, "Briefe/{{Nachname}}.pdf"))
					.render(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"));
			assertEquals(List.of(), rendering.problems());
			assertEquals(List.of(folder.resolve("echt/Weber.pdf")), rendering.message().attachments());
		} finally {
			Files.deleteIfExists(outside.resolve("geheim.pdf"));
			Files.deleteIfExists(outside);
		}
	}

	@Test
	void withoutAFolderPerRecipientAttachmentsAskForTheCampaignToBeSaved() {
		Rendering rendering = MergeFixture.compile(Template.of("s", "<p>b</p>", BodyFormat.HTML, ""),
				List.of(new Attachment(Attachment.Kind.PER_RECIPIENT, "{{Nachname}}.pdf")), Locale.GERMANY).template()
				.render(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"));
		assertNull(rendering.message());
		assertEquals(Problem.Kind.MISSING_ATTACHMENT, rendering.problems().get(0).kind());
	}
}
