package com.securemailmerge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.mime.EmlWriter;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.recipients.csv.CsvRecipientSource;

/**
 * {@code ./bench merge [CSV]}: renders every recipient with a 2 KB HTML template (10 fields, two
 * conditionals, number and date formatting) into complete MIME messages (.eml bytes), once on one
 * thread and once on every core (the figure that counts), and reports messages per second and the peak heap.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class MergeBenchmark {

	static final String[] HEADER = { "email", "first_name", "last_name", "company", "city", "amount", "due_date",
			"member_since", "salutation", "language" };
	private static final int GENERATED = 10_000;
	private static final String[] CITIES = { "Berlin", "München", "Köln", "Düsseldorf", "Zürich", "Wien", "Graz" };

	@Test
	void mergeRecipients() throws Exception {
		Assumptions.assumeTrue("merge".equals(System.getProperty("smm.bench")), "run with ./bench merge");
		Path work = Files.createDirectories(Path.of(System.getProperty("smm.bench.work")));
		String given = System.getProperty("smm.bench.file", "");
		RecipientList list = given.isBlank() ? generated() : new CsvRecipientSource()
				.load(new SourceReference("csv", given, Map.of("encoding", "UTF-8")), new NullProgressMonitor())
				.recipients();
		String body = template();
		assertTrue(body.length() >= 2048, "a 2 KB template: " + body.length());
		Compilation compilation = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("{{salutation}} {{last_name}}: Ihre Einladung nach {{city}}", body, BodyFormat.HTML,
						"{{first_name}} {{last_name}} <{{email}}>"),
				List.of(), list.fields().stream().map(Field::name).toList(), "email", Locale.GERMANY));
		CompiledTemplate template = compilation.template();
		assertTrue(template != null, () -> "the benchmark template compiles: " + compilation.problems());
		EmlWriter writer = new EmlWriter("Verein <verein@example.org>");
		List<Recipient> recipients = list.included();
		run(template, writer, recipients.subList(0, Math.min(3_000, recipients.size())), null); // warm-up
		long start = System.nanoTime();
		Result single = run(template, writer, recipients, work.resolve("sample.eml"));
		double singleSeconds = (System.nanoTime() - start) / 1e9;
		int threads = Runtime.getRuntime().availableProcessors();
		Result result;
		double peak;
		try (HeapPeak heap = new HeapPeak()) {
			start = System.nanoTime();
			result = parallel(template, writer, recipients, threads);
			peak = heap.peakMiB();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		assertEquals(single.messages + "/" + single.skipped, result.messages + "/" + result.skipped,
				"the same messages on one thread and on all cores (sizes differ by the random boundaries)");
		if (given.isBlank()) {
			assertEquals(GENERATED, result.messages, "every generated recipient renders");
		}
		List<String> lines = List.of(String.format(Locale.ROOT, "merge.messages=%d messages", result.messages),
				String.format(Locale.ROOT, "merge.msgs_per_s=%.0f messages/s", result.messages / seconds),
				String.format(Locale.ROOT, "merge.threads=%d threads", threads),
				String.format(Locale.ROOT, "merge.msgs_per_s_one_thread=%.0f messages/s", single.messages / singleSeconds),
				String.format(Locale.ROOT, "merge.peak_heap_mib=%.1f MiB", peak),
				String.format(Locale.ROOT, "merge.bytes_per_msg=%d bytes", result.bytes / Math.max(1, result.messages)),
				String.format(Locale.ROOT, "merge.skipped=%d recipients", result.skipped));
		Files.write(Path.of(System.getProperty("smm.bench.out")), lines, StandardCharsets.UTF_8);
		lines.forEach(System.out::println);
	}

	private record Result(int messages, long bytes, int skipped) {
	}

	/** One slice of the recipients per core, each rendered and written on its own thread. */
	private static Result parallel(CompiledTemplate template, EmlWriter writer, List<Recipient> recipients, int threads)
			throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			List<java.util.concurrent.Future<Result>> parts = new ArrayList<>();
			int slice = (recipients.size() + threads - 1) / threads;
			for (int from = 0; from < recipients.size(); from += slice) {
				List<Recipient> part = recipients.subList(from, Math.min(recipients.size(), from + slice));
				parts.add(pool.submit(() -> run(template, writer, part, null)));
			}
			Result total = new Result(0, 0, 0);
			for (java.util.concurrent.Future<Result> part : parts) {
				Result r = part.get();
				total = new Result(total.messages + r.messages, total.bytes + r.bytes, total.skipped + r.skipped);
			}
			return total;
		} finally {
			pool.shutdownNow();
		}
	}

	private static Result run(CompiledTemplate template, EmlWriter writer, List<Recipient> recipients, Path sample)
			throws Exception {
		int messages = 0;
		int skipped = 0;
		long bytes = 0;
		for (Recipient recipient : recipients) {
			Rendering rendering = template.render(recipient);
			MergedMessage message = rendering.message();
			if (message == null) {
				skipped++; // a recipient with a problem (possible in a given CSV) is not a message
				continue;
			}
			byte[] eml = writer.toBytes(message, "bench." + recipient.key().value().replace(':', '-'));
			bytes += eml.length;
			if (messages == 0 && sample != null) {
				Files.write(sample, eml);
			}
			messages++;
		}
		return new Result(messages, bytes, skipped);
	}

	static RecipientList generated() {
		List<Recipient> recipients = new ArrayList<>(GENERATED);
		for (int i = 0; i < GENERATED; i++) {
			LocalDate due = LocalDate.of(2026, 1, 1).plusDays(i % 365);
			String[] row = { "person" + i + "@example.org", "Vorname" + i, "Nachname" + (i % 5000),
					i % 3 == 0 ? "" : "Firma " + (i % 2000) + " GmbH", CITIES[i % CITIES.length],
					String.format(Locale.GERMANY, "%,.2f", i * 1.25), due.toString(), "01.02.2020",
					i % 2 == 0 ? "Frau" : "Herr", i % 4 == 0 ? "en" : "de" };
			FieldValue[] values = new FieldValue[row.length];
			for (int c = 0; c < row.length; c++) {
				values[c] = FieldValue.text(row[c]);
			}
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(HEADER, values)));
		}
		return new RecipientList(new SourceReference("generated", "memory"),
				java.util.Arrays.stream(HEADER).map(Field::text).toList(), recipients, "email");
	}

	/** About 2.3 KB of HTML as a newsletter editor writes it: 10 fields, two conditionals. */
	static String template() {
		return """
				<!DOCTYPE html>
				<html><head><meta charset="utf-8"><title>Einladung</title>
				<style>body{font-family:Segoe UI,Arial,sans-serif;font-size:11pt;color:#222}h1{font-size:16pt;color:#1a4d80}
				table{border-collapse:collapse}td{padding:4px 8px;border-bottom:1px solid #ddd}.small{font-size:9pt;color:#666}</style>
				</head><body>
				{{#eq language "de"}}
				<p>Sehr geehrte{{#eq salutation "Herr"}}r{{/eq}} {{salutation}} {{last_name}},</p>
				<p>wir freuen uns, Sie zu unserem Sommerfest in {{city}} einzuladen. Seit {{member_since}} sind Sie
				Mitglied unseres Vereins, und dafür möchten wir uns mit einem Abend voller Musik, gutem Essen und
				Gesprächen bedanken. Bitte melden Sie sich bis zum {{date due_date "d. MMMM yyyy"}} an.</p>
				{{else}}
				<p>Dear {{first_name}} {{last_name}},</p>
				<p>we are delighted to invite you to our summer party in {{city}}. You have been a member since
				{{member_since}}, and we would like to thank you with an evening of music, good food and
				conversation. Please register by {{date due_date "d MMMM yyyy"}}.</p>
				{{/eq}}
				<h1>Ihre Angaben / Your details</h1>
				<table>
				<tr><td>Name</td><td>{{first_name}} {{last_name}}</td></tr>
				<tr><td>E-Mail</td><td>{{email}}</td></tr>
				{{#if company}}<tr><td>Firma / Company</td><td>{{company}}</td></tr>{{/if}}
				<tr><td>Ort / City</td><td>{{city}}</td></tr>
				<tr><td>Beitrag / Fee</td><td>{{number amount "#,##0.00 €"}}</td></tr>
				<tr><td>Fällig / Due</td><td>{{date due_date "dd.MM.yyyy"}}</td></tr>
				</table>
				<p>Das Programm: Empfang ab 18 Uhr, Begrüßung durch den Vorstand um 18:30 Uhr, danach Buffet und
				Live-Musik bis Mitternacht. Für Kinder gibt es ein eigenes Programm mit Spielen und Basteln. Parkplätze
				sind vorhanden; mit öffentlichen Verkehrsmitteln erreichen Sie uns bequem in wenigen Minuten.</p>
				<p>The programme: reception from 6 pm, welcome by the board at 6:30 pm, followed by a buffet and live
				music until midnight. There is a separate programme for children with games and crafts.</p>
				<p>Mit freundlichen Grüßen / Kind regards<br>Ihr Vorstand</p>
				<p class="small">Sie erhalten diese Nachricht als Mitglied. Ihre Daten verarbeiten wir nur für die
				Vereinsarbeit. You receive this message as a member of our association.</p>
				</body></html>
				""";
	}
}
