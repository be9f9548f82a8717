package com.securemailmerge.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;

/**
 * What a command prints on standard output: a line per problem and a summary, for people, or with
 * {@code --json} one JSON object per line ({@code "type": "problem"}, {@code "summary"} or {@code "error"}), for
 * scripts, in ASCII (everything else escaped), so no encoding of a terminal or pipe changes a value.
 */
final class Output {

	private final PrintStream out;
	private final boolean json;

	Output(PrintStream out, boolean json) {
		this.out = out;
		this.json = json;
	}

	boolean isJson() {
		return json;
	}

	/** A problem with the recipient's label and address (from the list) where it has a recipient. */
	void problem(Problem problem, @Nullable RecipientList list) {
		RecipientKey key = problem.recipient();
		java.util.Optional<Recipient> found = key == null || list == null ? java.util.Optional.empty() : list.recipient(key);
		Recipient recipient = found.isPresent() ? found.get() : null;
		String emailField = list == null ? null : list.emailField();
		String address = recipient == null || emailField == null ? null : recipient.text(emailField);
		String label = key == null ? null : RecipientIdentity.label(key);
		if (json) {
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			fields.put("type", "problem"); //$NON-NLS-1$ //$NON-NLS-2$
			fields.put("severity", problem.severity().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
			fields.put("kind", problem.kind().name()); //$NON-NLS-1$
			fields.put("recipient", label); //$NON-NLS-1$
			fields.put("key", key == null ? null : key.value()); //$NON-NLS-1$
			String row = recipient == null ? "" : recipient.position(); //$NON-NLS-1$
			fields.put("row", !row.isEmpty() && row.chars().allMatch(Character::isDigit) ? Integer.valueOf(row) : null); //$NON-NLS-1$
			fields.put("address", address); //$NON-NLS-1$
			fields.put("field", problem.field()); //$NON-NLS-1$
			fields.put("part", problem.part() == null ? null : problem.part().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
			fields.put("line", problem.line() > 0 ? problem.line() : null); //$NON-NLS-1$
			fields.put("column", problem.column() > 0 ? problem.column() : null); //$NON-NLS-1$
			fields.put("message", problem.message()); //$NON-NLS-1$
			out.println(object(fields));
			return;
		}
		StringBuilder line = new StringBuilder(switch (problem.severity()) {
		case ERROR -> Messages.Output_error;
		case WARNING -> Messages.Output_warning;
		case INFO -> Messages.Output_info;
		});
		if (label != null) {
			// "row 9" where the recipient has a row (its key may be its address), else the key's label
			String row = recipient == null ? "" : recipient.position(); //$NON-NLS-1$
			line.append(": ").append(!row.isEmpty() && row.chars().allMatch(Character::isDigit) //$NON-NLS-1$
					? NLS.bind(Messages.Output_row, row) : NLS.bind(Messages.Output_recipient, oneLine(label)));
			if (address != null && !address.isBlank()) {
				line.append(" <").append(oneLine(address)).append('>'); //$NON-NLS-1$
			}
		}
		String field = problem.field();
		if (field != null) {
			line.append(": ").append(NLS.bind(Messages.Output_field, oneLine(field))); //$NON-NLS-1$
		}
		if (problem.line() > 0) {
			line.append(": ").append(problem.part() == null ? "" : part(problem) + ' ') //$NON-NLS-1$ //$NON-NLS-2$
					.append(problem.line()).append(':').append(problem.column());
		}
		out.println(line.append(": ").append(oneLine(problem.message()))); //$NON-NLS-1$
	}

	private static String part(Problem problem) {
		return switch (java.util.Objects.requireNonNull(problem.part())) {
		case SUBJECT -> Messages.Output_subject;
		case BODY -> Messages.Output_body;
		default -> problem.part().name().toLowerCase(Locale.ROOT);
		};
	}

	/** The summary: {@code text} for people, the fields (with {@code "type": "summary"}) as JSON. */
	void summary(Map<String, @Nullable Object> fields, String text) {
		if (json) {
			Map<String, @Nullable Object> all = new LinkedHashMap<>();
			all.put("type", "summary"); //$NON-NLS-1$ //$NON-NLS-2$
			all.putAll(fields);
			out.println(object(all));
		} else {
			out.println(safe(text));
		}
		out.flush();
	}

	/**
	 * A value from a file never breaks the one-line-per-problem format nor drives the terminal: line
	 * breaks, control characters (escape sequences) and the marks that reorder text (bidi overrides)
	 * become spaces.
	 */
	static String oneLine(String text) {
		StringBuilder line = new StringBuilder(text.length());
		text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
				|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ? ' ' : c));
		return line.toString();
	}

	/** A text of several lines (a job's outcome, a file's error) with each line as {@link #oneLine} makes it. */
	static String safe(@Nullable String text) {
		if (text == null) {
			return ""; //$NON-NLS-1$
		}
		StringBuilder safe = new StringBuilder(text.length());
		for (String line : text.split("\r?\n", -1)) { //$NON-NLS-1$
			if (safe.length() > 0) {
				safe.append(System.lineSeparator());
			}
			safe.append(oneLine(line));
		}
		return safe.toString();
	}

	static String object(Map<String, @Nullable Object> fields) {
		StringBuilder json = new StringBuilder("{"); //$NON-NLS-1$
		fields.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			string(json, name);
			json.append(':');
			if (value == null) {
				json.append("null"); //$NON-NLS-1$
			} else if (value instanceof Number || value instanceof Boolean) {
				json.append(value);
			} else {
				string(json, value.toString());
			}
		});
		return json.append('}').toString();
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '"' -> json.append("\\\""); //$NON-NLS-1$
			case '\\' -> json.append("\\\\"); //$NON-NLS-1$
			case '\n' -> json.append("\\n"); //$NON-NLS-1$
			case '\r' -> json.append("\\r"); //$NON-NLS-1$
			case '\t' -> json.append("\\t"); //$NON-NLS-1$
			default -> {
				// ASCII only: the lines stay intact whatever encoding the terminal, a pipe or a file has
				if (c < 0x20 || c >= 0x7f) {
					json.append(String.format("\\u%04x", (int) c)); //$NON-NLS-1$
				} else {
					json.append(c);
				}
			}
			}
		}
		json.append('"');
	}
}
