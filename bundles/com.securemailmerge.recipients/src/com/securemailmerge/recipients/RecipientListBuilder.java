package com.securemailmerge.recipients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldType;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Problem.Kind;
import com.securemailmerge.model.Problem.Severity;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.internal.Messages;

/**
 * Turns a header and rows, as a file source reads them, into a {@link RecipientList}: blank and
 * duplicate headers get unique names, blank rows are skipped, every row keeps its row number in
 * the file, a Categories column gives the rows their categories, the e-mail column is guessed, and
 * every recipient is keyed by its address (see {@link RecipientIdentity}), so sorting the file or
 * inserting rows never changes who is who. Missing and invalid addresses become problems that name
 * the row; a row whose address an earlier row already has is the same person, gets one message and
 * is named in a warning with both rows.
 */
public final class RecipientListBuilder {

	private static final List<String> EMAIL_HEADERS = List.of("email", "emailadresse", "emailaddress", "mail", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"mailadresse", "mailaddress", "emailadress", "courriel", "smtp", "primaryemail", "email1", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"email1value"); // Google Contacts: "E-mail 1 - Value" (its "E-mail 1 - Type"/"- Label" comes first) //$NON-NLS-1$

	private final SourceReference source;
	private final String displayName;
	private final List<Field> fields = new ArrayList<>();
	private final List<Recipient> recipients = new ArrayList<>();
	private final List<Problem> problems = new ArrayList<>();
	private boolean headerSeen;
	private String[] names = new String[0];
	private final List<Map<String, FieldValue>> distinct = new ArrayList<>();
	private static final int DISTINCT_LIMIT = 4096;
	/** A column of this name (Outlook's CSV export writes one) gives each row its categories. */
	private static final Set<String> CATEGORY_HEADERS = Set.of("categories", "kategorien", "category", "kategorie", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"labels", "group membership"); // Google Contacts, new and old: "* myContacts ::: Verein" //$NON-NLS-1$ //$NON-NLS-2$
	private int categoryColumn = -1;
	/** The field names so far, in lower case: every new one differs from all of them. */
	private final Set<String> used = new HashSet<>();
	/** Hidden rows named one by one; the rest in one warning. */
	private static final int HIDDEN_NAMED = 100;
	/** Rows the file hides (Excel): each is named in a warning. */
	private final Set<Integer> hidden = new java.util.TreeSet<>();

	/** @param displayName the file name as messages show it */
	public RecipientListBuilder(SourceReference source, String displayName) {
		this.source = source;
		this.displayName = displayName;
	}

	public boolean hasHeader() {
		return headerSeen;
	}

	public int size() {
		return recipients.size();
	}

	/** The header row; blank cells become "Column N", repeated names "Name (2)" with a warning. */
	public void header(List<String> names, int rowNumber) {
		headerSeen = true;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip();
			if (name.isEmpty()) {
				name = NLS.bind(Messages.Builder_unnamedColumn, i + 1);
			}
			String unique = name;
			for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
				unique = name + " (" + n + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (!unique.equals(name)) {
				problems.add(new Problem(Severity.WARNING, Kind.SOURCE, null, unique, null,
						NLS.bind(Messages.Builder_duplicateHeader, new Object[] { displayName, name, rowNumber, unique }),
						rowNumber, i + 1));
			}
			fields.add(Field.text(unique));
			if (categoryColumn < 0 && CATEGORY_HEADERS.contains(unique.toLowerCase(Locale.ROOT))) {
				categoryColumn = i;
			}
		}
	}

	/** A data row; rows with nothing but blanks are skipped, longer rows get extra columns. */
	public void row(int rowNumber, List<FieldValue> values) {
		if (values.stream().allMatch(FieldValue::isBlank)) {
			return;
		}
		while (fields.size() < values.size()) {
			// unique against the header too (found by CsvFuzz: a header "Column 2" and a longer row)
			String name = NLS.bind(Messages.Builder_unnamedColumn, fields.size() + 1);
			String unique = name;
			for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
				unique = name + " (" + n + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			}
			fields.add(Field.text(unique));
		}
		if (names.length != fields.size()) {
			names = fields.stream().map(Field::name).toArray(String[]::new);
		}
		FieldValue[] row = values.toArray(FieldValue[]::new);
		for (int i = 0; i < row.length; i++) {
			row[i] = shared(i, row[i]);
		}
		FieldValues byName = FieldValues.of(names, row);
		recipients.add(new Recipient(new RecipientKey(RecipientIdentity.ROW + rowNumber), byName, categories(row), true,
				rowNumber));
	}

	/**
	 * The row of this number is hidden in the file (a hidden or filtered row in Excel): it stays in
	 * the list like any other, and a warning names it, so nobody gets a message the user did not see.
	 */
	public void hiddenRow(int rowNumber) {
		hidden.add(rowNumber);
	}

	/** A warning about the whole file (no row, no recipient), shown with the list's other problems. */
	public void warn(String message) {
		problems.add(new Problem(Severity.WARNING, Kind.SOURCE, null, null, null, message, 0, 0));
	}

	/** The row's categories, when the list has a categories column: separated by ";" or ",". */
	private Set<String> categories(FieldValue[] row) {
		if (categoryColumn < 0 || categoryColumn >= row.length || row[categoryColumn].isBlank()) {
			return Set.of();
		}
		Set<String> categories = new java.util.LinkedHashSet<>();
		for (String category : row[categoryColumn].display().split(":::|[;,]")) { //$NON-NLS-1$
			// Google marks its own groups ("* myContacts", "* starred") with a star: they are no categories
			if (!category.isBlank() && !category.strip().startsWith("*")) { //$NON-NLS-1$
				categories.add(category.strip());
			}
		}
		return categories;
	}

	/**
	 * Columns repeat their values (cities, dates, groups): keep one String per distinct value, up to
	 * a bound per column, so a large list holds each repeated text once.
	 */
	private FieldValue shared(int column, FieldValue value) {
		if (value.typed() != null || value.type() != FieldType.TEXT) {
			return value;
		}
		while (distinct.size() <= column) {
			distinct.add(new HashMap<>());
		}
		Map<String, FieldValue> known = distinct.get(column);
		FieldValue same = known.get(value.display());
		if (same != null) {
			return same;
		}
		if (known.size() < DISTINCT_LIMIT) {
			known.put(value.display(), value);
		}
		return value;
	}

	/** The list with the guessed (or the given) e-mail column, and every address problem. */
	public LoadResult build(@Nullable String emailColumn) {
		String email = emailColumn != null && fields.stream().anyMatch(f -> f.name().equals(emailColumn)) ? emailColumn
				: guessEmailField();
		List<Field> typed = fields.stream()
				.map(f -> f.name().equals(email) ? new Field(f.name(), FieldType.EMAIL) : f).toList();
		RecipientIdentity.Keyed keyed = RecipientIdentity.keyed(recipients, email);
		RecipientList list = new RecipientList(source, typed, keyed.recipients(), email,
				keyed.duplicates().stream().map(RecipientIdentity.Duplicate::dropped).toList());
		List<Problem> all = new ArrayList<>(problems);
		if (!hidden.isEmpty()) {
			int named = 0;
			int more = 0;
			for (Recipient recipient : list.recipients()) {
				if (hidden.contains(recipient.row()) && ++named > HIDDEN_NAMED) {
					more++;
				} else if (hidden.contains(recipient.row())) {
					String address = email == null ? "" : recipient.text(email).strip(); //$NON-NLS-1$
					all.add(Problem.ofRecipient(Severity.WARNING, Kind.SOURCE, recipient.key(), email, address.isEmpty()
							? NLS.bind(Messages.Builder_hiddenRowNoAddress, displayName, recipient.row())
							: NLS.bind(Messages.Builder_hiddenRow, new Object[] { displayName, recipient.row(), address })));
				}
			}
			if (more > 0) {
				all.add(new Problem(Severity.WARNING, Kind.SOURCE, null, null, null,
						NLS.bind(Messages.Builder_hiddenRowsMore, new Object[] { displayName, more, HIDDEN_NAMED }), 0, 0));
			}
		}
		if (email == null) {
			if (!recipients.isEmpty()) {
				all.add(new Problem(Severity.ERROR, Kind.SOURCE, null, null, null,
						NLS.bind(Messages.Builder_noEmailColumn, displayName), 0, 0));
			}
		} else {
			all.addAll(addressProblems(list, email));
			for (RecipientIdentity.Duplicate duplicate : keyed.duplicates()) {
				all.add(Problem.ofRecipient(Severity.WARNING, Kind.DUPLICATE_ADDRESS, duplicate.kept().key(), email,
						NLS.bind(Messages.Builder_duplicateAddress, new Object[] { displayName, duplicate.dropped().row(),
								duplicate.dropped().text(email).strip(), duplicate.kept().row() })));
			}
		}
		return new LoadResult(list, all);
	}

	private List<Problem> addressProblems(RecipientList list, String email) {
		List<Problem> found = new ArrayList<>();
		for (Recipient recipient : list.recipients()) {
			String address = recipient.text(email).strip();
			int row = recipient.row();
			if (address.isEmpty()) {
				found.add(Problem.ofRecipient(Severity.ERROR, Kind.MISSING_VALUE, recipient.key(), email,
						NLS.bind(Messages.Builder_missingAddress, new Object[] { displayName, row, email })));
			} else if (!EmailAddresses.isValid(address)) {
				found.add(Problem.ofRecipient(Severity.ERROR, Kind.INVALID_ADDRESS, recipient.key(), email,
						NLS.bind(Messages.Builder_invalidAddress, new Object[] { displayName, row, email, address })));
			}
		}
		return found;
	}

	/** By header name first ("E-Mail", "Email", "Mail"...), else the column most values of which are addresses. */
	private @Nullable String guessEmailField() {
		for (String wanted : EMAIL_HEADERS) {
			for (Field field : fields) {
				if (normalise(field.name()).equals(wanted)) {
					return field.name();
				}
			}
		}
		for (Field field : fields) {
			String name = normalise(field.name());
			if (name.contains("email") || name.endsWith("mail")) { //$NON-NLS-1$ //$NON-NLS-2$
				return field.name();
			}
		}
		String best = null;
		long bestCount = 0;
		List<Recipient> sample = recipients.subList(0, Math.min(200, recipients.size()));
		for (Field field : fields) {
			long count = sample.stream().filter(r -> EmailAddresses.isValid(r.text(field.name()).strip())).count();
			if (count > bestCount && count * 2 >= sample.size()) {
				best = field.name();
				bestCount = count;
			}
		}
		return best;
	}

	private static String normalise(String header) {
		return header.toLowerCase(Locale.ROOT).replace("ä", "ae").replaceAll("[^a-z0-9]", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
