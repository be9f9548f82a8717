package com.securemailmerge.recipients.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientListBuilder;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Title;

/**
 * Reads recipients from a vCard file (versions 2.1, 3.0 and 4.0, as phones, Apple Contacts,
 * Thunderbird and Outlook export them) with ez-vcard: one recipient per card, in the file's order,
 * with the same field names as Outlook contacts (templates work with both). The address is the
 * card's preferred e-mail ({@code PREF=1} in 4.0, {@code TYPE=pref} in 3.0), else its first; the
 * next two are "Email 2" and "Email 3". Categories of all CATEGORIES lines become the recipient's
 * categories. A card is numbered like a row (the first card is 1). The file is untrusted: at most
 * {@link #MAX_BYTES} are read, one card at a time; text that is not UTF-8 is read as Windows-1252
 * (Outlook's exports).
 */
public final class VcardRecipientSource implements RecipientSource {

	/** The field names, as the Outlook contacts source has them. */
	static final List<String> FIELDS = List.of("Email", "First name", "Last name", "Display name", "Company", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"Job title", "City", "Categories", "Email 2", "Email 3"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	/** The largest file read (cards are read one at a time; a photo is held while its card is read). */
	static final long MAX_BYTES = 64L * 1024 * 1024;
	/** Cards in one file, as Excel bounds its rows. */
	static final int MAX_CARDS = 1_048_576;
	/** Warnings of the parser passed on (the rest are counted in none). */
	private static final int MAX_WARNINGS = 20;

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		Path file = Path.of(reference.location());
		String name = file.getFileName() == null ? reference.location() : file.getFileName().toString();
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Vcard_task, name), IProgressMonitor.UNKNOWN);
		Charset charset = charset(file, name, reference.location());
		RecipientListBuilder builder = new RecipientListBuilder(reference, name);
		builder.header(FIELDS, 0);
		int number = 0;
		int warned = 0;
		try (InputStream in = Files.newInputStream(file);
				CardInput input = new CardInput(new java.io.BufferedReader(new InputStreamReader(skipBom(in), charset), 1 << 16));
				VCardReader reader = new VCardReader(input)) {
			// the reader is buffered, so vinnie cannot see the encoding: quoted-printable without a CHARSET is in the file's
			reader.setDefaultQuotedPrintableCharset(charset);
			VCard card;
			while ((card = reader.readNext()) != null) {
				number++;
				input.cardRead();
				if ((number & 255) == 1 && progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				if (number > MAX_CARDS) {
					throw new SourceException(NLS.bind(Messages.Vcard_tooManyCards, name, MAX_CARDS), reference.location(), null);
				}
				progress.setWorkRemaining(1000).worked(1);
				builder.row(number, values(card));
				for (ezvcard.io.ParseWarning warning : reader.getWarnings()) {
					if (warned++ < MAX_WARNINGS) {
						builder.warn(NLS.bind(Messages.Vcard_warning, new Object[] { name, number, warning.getMessage() }));
					}
				}
			}
			if (input.begins() > number) {
				// a card without END:VCARD: ez-vcard took the following ones in as nested cards and dropped them
				builder.warn(NLS.bind(Messages.Vcard_cardsLost, new Object[] { name, input.begins() - number, input.begins() }));
			}
		} catch (CardInput.TooLong e) {
			throw new SourceException(e.card ? NLS.bind(Messages.Vcard_cardTooLong, name, number + 1)
					: NLS.bind(Messages.Vcard_tooLarge, name, MAX_BYTES / (1024 * 1024)), reference.location(), e);
		} catch (IOException | RuntimeException e) {
			if (e instanceof OperationCanceledException canceled) {
				throw canceled;
			}
			throw new SourceException(NLS.bind(Messages.Vcard_unreadable, name, describe(e)), reference.location(), e);
		}
		if (number == 0) {
			throw new SourceException(NLS.bind(Messages.Vcard_noCards, name), reference.location(), null);
		}
		return builder.build(FIELDS.get(0));
	}

	/**
	 * How the file's text is written: UTF-8 (with or without a byte order mark), else Windows-1252
	 * (Outlook's exports), decided by reading it through once without keeping it; a file over
	 * {@link #MAX_BYTES} is refused before.
	 */
	private static Charset charset(Path file, String name, String location) throws SourceException {
		try {
			if (Files.size(file) > MAX_BYTES) {
				throw new SourceException(NLS.bind(Messages.Vcard_tooLarge, name, MAX_BYTES / (1024 * 1024)), location, null);
			}
			byte[] head = new byte[4];
			int read;
			try (InputStream in = Files.newInputStream(file)) {
				read = in.readNBytes(head, 0, head.length);
			}
			if (read >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
				return StandardCharsets.UTF_16; // its byte order mark says which order
			}
			if (read >= 2 && head[0] == 0 && head[1] != 0) {
				return StandardCharsets.UTF_16BE;
			}
			if (read >= 2 && head[0] != 0 && head[1] == 0) {
				return StandardCharsets.UTF_16LE;
			}
			java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
			try (java.io.Reader reader = new InputStreamReader(skipBom(Files.newInputStream(file)), utf8)) {
				char[] buffer = new char[64 * 1024];
				while (reader.read(buffer) >= 0) {
					// decoding is the check
				}
				return StandardCharsets.UTF_8;
			} catch (CharacterCodingException e) {
				return Charset.forName("windows-1252"); //$NON-NLS-1$
			}
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Vcard_unreadable, name, describe(e)), location, e);
		}
	}

	/** The stream after a UTF-8 byte order mark, if there is one, whatever the encoding found. */
	private static InputStream skipBom(InputStream in) throws IOException {
		java.io.PushbackInputStream stream = new java.io.PushbackInputStream(in, 3);
		byte[] head = new byte[3];
		int read = stream.readNBytes(head, 0, 3);
		boolean bom = read == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
		if (!bom && read > 0) {
			stream.unread(head, 0, read);
		}
		return stream;
	}

	private static List<FieldValue> values(VCard card) {
		List<String> addresses = addresses(card);
		StructuredName structured = card.getStructuredName();
		String given = structured == null ? "" : text(structured.getGiven()); //$NON-NLS-1$
		String family = structured == null ? "" : text(structured.getFamily()); //$NON-NLS-1$
		FormattedName formatted = card.getFormattedName();
		String display = formatted == null ? "" : text(formatted.getValue()); //$NON-NLS-1$
		if (display.isEmpty()) {
			display = (given + ' ' + family).strip();
		}
		Organization organization = card.getOrganization();
		String company = organization == null || organization.getValues().isEmpty() ? "" //$NON-NLS-1$
				: text(organization.getValues().get(0));
		List<Title> titles = card.getTitles();
		String title = titles.isEmpty() ? "" : text(titles.get(0).getValue()); //$NON-NLS-1$
		String city = ""; //$NON-NLS-1$
		for (Address address : card.getAddresses()) {
			city = text(address.getLocality());
			if (!city.isEmpty()) {
				break;
			}
		}
		Set<String> categories = new LinkedHashSet<>();
		for (Categories list : card.getCategoriesList()) {
			for (String category : list.getValues()) {
				if (category != null && !category.isBlank()) {
					categories.add(category.strip());
				}
			}
		}
		String[] values = { address(addresses, 0), given, family, display, company, title, city,
				String.join("; ", categories), address(addresses, 1), address(addresses, 2) }; //$NON-NLS-1$
		List<FieldValue> row = new ArrayList<>(values.length);
		for (String value : values) {
			row.add(FieldValue.text(value));
		}
		return row;
	}

	/** The card's e-mail addresses, the preferred first (PREF=1 before PREF=2, TYPE=pref before none). */
	private static List<String> addresses(VCard card) {
		List<Email> emails = new ArrayList<>(card.getEmails());
		emails.sort(Comparator.comparingInt(VcardRecipientSource::preference));
		Set<String> addresses = new LinkedHashSet<>();
		for (Email email : emails) {
			String value = text(email.getValue());
			if (!value.isEmpty()) {
				addresses.add(value);
				if (addresses.size() == 3) {
					break;
				}
			}
		}
		return new ArrayList<>(addresses);
	}

	private static int preference(Email email) {
		Integer pref;
		try {
			pref = email.getPref();
		} catch (IllegalStateException e) {
			pref = null; // PREF=abc: as if there were none, the card is read
		}
		if (pref != null) {
			return Math.max(1, pref.intValue());
		}
		return email.getTypes().contains(EmailType.PREF) ? 1 : 101;
	}

	private static String address(List<String> addresses, int index) {
		return index < addresses.size() ? addresses.get(index) : ""; //$NON-NLS-1$
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip(); //$NON-NLS-1$
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
