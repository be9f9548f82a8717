package com.securemailmerge.samples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.mime.EmlWriter;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.recipients.excel.ExcelRecipientSource;

/**
 * The sample campaigns the product ships open, read their workbook, compile and show exactly the
 * problems they are meant to teach: Marie has no first name, Paul's address is broken.
 */
final class SampleCampaignTest {

	private static final Path SAMPLES = Path.of("../../features/com.securemailmerge.feature/rootfiles/common/samples");

	@ParameterizedTest
	@CsvSource({ "Sommerfest.smmc, 2, Liebe Anna Weber", "Summer-party.smmc, 2, Dear Anna Weber" })
	void theSampleCampaignTeachesItsProblems(String file, int problems, String greeting) throws Exception {
		Campaign campaign = CampaignFile.load(SAMPLES.resolve(file));
		RecipientList list = new ExcelRecipientSource().load(campaign.source(), new NullProgressMonitor()).recipients()
				.withEmailField(campaign.settings().emailField());
		assertEquals(12, list.recipients().size());
		Compilation compilation = new HandlebarsMergeEngine().compile(new MergeInput(campaign.template(),
				campaign.attachments(), list.fields().stream().map(Field::name).toList(), list.emailField(),
				campaign.settings().locale()));
		assertTrue(compilation.succeeded(), compilation.problems().toString());
		Validation validation = Validation.of(compilation, list, new NullProgressMonitor());
		assertEquals(problems, validation.problems().size(), validation.problems().toString());
		Map<RecipientKey, Set<Problem.Kind>> byRecipient = validation.problems().stream().collect(
				Collectors.groupingBy(Problem::recipient, Collectors.mapping(Problem::kind, Collectors.toSet())));
		assertEquals(Set.of(Problem.Kind.INVALID_ADDRESS), byRecipient.get(new RecipientKey("row:9")), "Paul");
		if (problems == 2) {
			assertEquals(Set.of(Problem.Kind.MISSING_VALUE), byRecipient.get(new RecipientKey("mail:marie.becker@example.org")), "Marie");
		}
		MergedMessage anna = compilation.template().render(list.recipients().get(0)).message();
		assertNotNull(anna);
		assertTrue(anna.htmlBody().contains(greeting), anna.htmlBody());
		assertTrue(anna.textBody().contains("2015"), anna.textBody());
		String eml = new String(new EmlWriter(null).toBytes(anna, "sample"), StandardCharsets.US_ASCII);
		assertTrue(eml.contains("anna.weber@example.org"), eml);
	}
}
