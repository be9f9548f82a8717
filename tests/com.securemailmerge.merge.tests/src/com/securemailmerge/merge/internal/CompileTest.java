package com.securemailmerge.merge.internal;

import static com.securemailmerge.merge.internal.MergeFixture.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.Fields;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TemplatePart;

@org.eclipse.jdt.annotation.NonNullByDefault({})
class CompileTest {

	@Test
	void aSyntaxErrorNamesPartLineAndColumnAndNothingRenders() {
		Compilation compilation = compile("Hallo", "<p>Liebe {{Vorname}},</p>\n<p>{{#if Firma}}x{{/iff}}</p>");
		assertNull(compilation.template());
		Problem problem = single(compilation);
		assertEquals(Problem.Kind.TEMPLATE_SYNTAX, problem.kind());
		assertEquals(TemplatePart.BODY, problem.part());
		assertEquals(2, problem.line());
		assertEquals(21, problem.column());
		assertTrue(problem.message().contains("iff"), problem.message());
	}

	/** Found by TemplateFuzz: for a tag of control characters Handlebars threw its own IllegalArgumentException, and the merge job died. */
	@Test
	void aTagHandlebarsCannotReadIsAProblemNotACrash() {
		Problem problem = single(compile("Hallo", "{{\u0015\u0015\u0015}}"));
		assertEquals(TemplatePart.BODY, problem.part());
		assertEquals(Problem.Kind.TEMPLATE_SYNTAX, problem.kind());
		assertTrue(problem.message().contains("helper's name"), problem.message());
	}

	/** A held file for everybody (named outside the campaign folder, not allowed) is refused with its path. */
	@Test
	void aHeldAttachmentIsNeverAttached() {
		var template = com.securemailmerge.model.Template.of("Hallo", "b", com.securemailmerge.model.BodyFormat.HTML, "");
		var attachments = List.of(new com.securemailmerge.model.Attachment(
				com.securemailmerge.model.Attachment.Kind.COMMON, "/home/anna/.ssh/id_rsa"));
		var held = new com.securemailmerge.merge.MergeInput(template, attachments, MergeFixture.FIELDS, "E-Mail",
				java.util.Locale.GERMANY, null, java.util.Set.of("/home/anna/.ssh/id_rsa"));
		Problem problem = single(new HandlebarsMergeEngine().compile(held));
		assertEquals(TemplatePart.ATTACHMENT, problem.part());
		assertTrue(problem.message().contains("/home/anna/.ssh/id_rsa"), problem.message());
		// written otherwise in the campaign file, it is the same file and held all the same
		var otherwise = new com.securemailmerge.merge.MergeInput(template, List.of(new com.securemailmerge.model.Attachment(
				com.securemailmerge.model.Attachment.Kind.COMMON, "/home/anna/./x/../.ssh/id_rsa")), MergeFixture.FIELDS,
				"E-Mail", java.util.Locale.GERMANY, null, java.util.Set.of("/home/anna/.ssh/id_rsa"));
		assertTrue(!new HandlebarsMergeEngine().compile(otherwise).succeeded(), "held however it is written");
		var allowed = new com.securemailmerge.merge.MergeInput(template, attachments, MergeFixture.FIELDS, "E-Mail",
				java.util.Locale.GERMANY, null, java.util.Set.of());
		assertTrue(new HandlebarsMergeEngine().compile(allowed).succeeded());
	}

	/** A held folder for per-recipient files: nothing from it is attached, the problem names path and folder. */
	@Test
	void perRecipientFilesFromAHeldFolderAreNeverAttached() {
		var template = com.securemailmerge.model.Template.of("Hallo", "b", com.securemailmerge.model.BodyFormat.HTML, "");
		var attachments = List.of(new com.securemailmerge.model.Attachment(
				com.securemailmerge.model.Attachment.Kind.PER_RECIPIENT, "{{Vorname}}.pdf"));
		java.nio.file.Path folder = java.nio.file.Path.of("/home/anna/Briefe");
		var held = new com.securemailmerge.merge.MergeInput(template, attachments, MergeFixture.FIELDS, "E-Mail",
				java.util.Locale.GERMANY, folder, java.util.Set.of("/home/anna/x/../Briefe"));
		Problem problem = single(new HandlebarsMergeEngine().compile(held));
		assertEquals(TemplatePart.ATTACHMENT, problem.part());
		assertTrue(problem.message().contains("{{Vorname}}.pdf") && problem.message().contains(folder.toString()), problem.message());
		var allowed = new com.securemailmerge.merge.MergeInput(template, attachments, MergeFixture.FIELDS, "E-Mail",
				java.util.Locale.GERMANY, folder, java.util.Set.of());
		assertTrue(new HandlebarsMergeEngine().compile(allowed).succeeded());
		// files for everybody are not held with the folder
		var common = new com.securemailmerge.merge.MergeInput(template, List.of(new com.securemailmerge.model.Attachment(
				com.securemailmerge.model.Attachment.Kind.COMMON, "/home/anna/Programm.pdf")), MergeFixture.FIELDS, "E-Mail",
				java.util.Locale.GERMANY, folder, java.util.Set.of(folder.toString()));
		assertTrue(new HandlebarsMergeEngine().compile(common).succeeded());
	}

	@Test
	void anUnclosedTagInTheSubjectIsReported() {
		Problem problem = single(compile("Hallo {{Vorname", "b"));
		assertEquals(TemplatePart.SUBJECT, problem.part());
		assertEquals(Problem.Kind.TEMPLATE_SYNTAX, problem.kind());
		assertEquals(1, problem.line());
	}

	@Test
	void everyUnknownFieldIsReportedWhereItIsEvenInAnElseBranch() {
		Compilation compilation = compile("s",
				"{{#if Firma}}\n{{Firmenname}}\n{{else}}\n  {{Titel}} {{Vorname}}\n{{/if}}");
		assertNull(compilation.template());
		List<Problem> problems = compilation.problems();
		assertEquals(2, problems.size(), problems.toString());
		assertEquals("Firmenname", problems.get(0).field());
		assertEquals(2, problems.get(0).line());
		assertEquals(3, problems.get(0).column());
		assertEquals("Titel", problems.get(1).field());
		assertEquals(4, problems.get(1).line());
		assertEquals(5, problems.get(1).column());
		assertTrue(problems.stream().allMatch(p -> p.kind() == Problem.Kind.UNKNOWN_FIELD));
	}

	@Test
	void unknownFieldsInHelperArgumentsAreFoundToo() {
		Problem problem = single(compile("s", "{{number Summe \"0.00\"}}"));
		assertEquals("Summe", problem.field());
		assertEquals(Problem.Kind.UNKNOWN_FIELD, problem.kind());
	}

	@Test
	void hintsSuggestTheRightCaseAndBracketsForNamesWithSpaces() {
		assertTrue(single(compile("s", "{{vorname}}")).message().contains("{{Vorname}}"));
		Problem spaced = single(compile("s", "{{Mitglied seit}}"));
		assertTrue(spaced.message().contains("{{[Mitglied seit]}}"), spaced.message());
	}

	@Test
	void tripleBracesThatSkipEscapingAreRefused() {
		Problem problem = single(compile("s", "<p>{{{Vorname}}}</p>"));
		assertEquals(Problem.Kind.TEMPLATE_SYNTAX, problem.kind());
		assertTrue(problem.message().contains("{{Vorname}}"), problem.message());
	}

	@Test
	void noToLineAndNoAddressColumnIsAProblem() {
		Compilation compilation = new HandlebarsMergeEngine().compile(new com.securemailmerge.merge.MergeInput(
				Template.of("s", "b", com.securemailmerge.model.BodyFormat.HTML, ""), List.of(), MergeFixture.FIELDS,
				null, Locale.GERMANY));
		assertFalse(compilation.succeeded());
		assertEquals(TemplatePart.TO, single(compilation).part());
	}

	@Test
	void theTemplateKnowsWhichFieldsItUses() {
		Compilation compilation = compile("Hallo {{Vorname}}",
				"{{#eq Sprache \"de\"}}{{default Nachname \"x\"}}{{else}}{{date Fällig}}{{/eq}}");
		assertEquals(Set.of("Vorname", "Sprache", "Nachname", "Fällig"), compilation.template().fields());
	}

	@Test
	void fieldReferencesUseBracketsOnlyWhenNeeded() {
		assertEquals("{{Vorname}}", Fields.reference("Vorname"));
		assertEquals("{{Straße}}", Fields.reference("Straße"));
		assertEquals("{{[Mitglied seit]}}", Fields.reference("Mitglied seit"));
		assertEquals("{{[E-Mail]}}", Fields.reference("E-Mail"));
		assertEquals("{{[if]}}", Fields.reference("if"));
	}

	/** What the template editor's "Insert field" menu offers compiles as it is, for any field name. */
	@Test
	void everySnippetCompilesForAFieldWhoseNameNeedsBrackets() {
		for (com.securemailmerge.merge.Snippet snippet : com.securemailmerge.merge.Snippet.values()) {
			String tag = snippet.forField("Mitglied seit");
			assertTrue(tag.contains("[Mitglied seit]"), tag);
			Compilation compilation = compile("s", "<p>" + tag + "</p>");
			assertTrue(compilation.problems().isEmpty(), tag + ": " + compilation.problems());
			assertEquals(Set.of("Mitglied seit"), compilation.template().fields(), tag);
		}
	}

	private static Problem single(Compilation compilation) {
		assertEquals(1, compilation.problems().size(), compilation.problems().toString());
		return compilation.problems().get(0);
	}

	@Test
	void handlebarsOwnHelpersThatReachBeyondAFieldAreRefused() {
		// {{log}} would write the recipient's values to the Eclipse log
		for (String tag : new String[] { "{{log Vorname level=\"error\"}}", "{{lookup this \"Vorname\"}}",
				"{{#with this}}{{Vorname}}{{/with}}", "{{#each this}}x{{/each}}", "{{embedded \"x\"}}" }) {
			Compilation compilation = compile("s " + tag, "b");
			assertTrue(compilation.template() == null || !compilation.problems().isEmpty(), tag + ": " + compilation.problems());
			assertTrue(compilation.problems().stream().anyMatch(Problem::isError), tag + ": " + compilation.problems());
		}
	}

	@Test
	void aFileForEverybodyCannotBeBuiltFromFields() {
		Compilation compilation = MergeFixture.compile(com.securemailmerge.model.Template.of("s", "b",
				com.securemailmerge.model.BodyFormat.HTML, ""),
				java.util.List.of(new com.securemailmerge.model.Attachment(com.securemailmerge.model.Attachment.Kind.COMMON,
						"/{{Vorname}}")), java.util.Locale.GERMANY);
		assertTrue(compilation.template() == null, compilation.problems().toString());
		assertTrue(compilation.problems().get(0).message().contains("/{{Vorname}}"), compilation.problems().toString());
	}
}
