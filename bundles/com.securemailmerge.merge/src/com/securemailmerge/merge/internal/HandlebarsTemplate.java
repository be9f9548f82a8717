package com.securemailmerge.merge.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.github.jknack.handlebars.Context;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Fields;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Problem.Kind;
import com.securemailmerge.model.Problem.Severity;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.TemplatePart;

/** A compiled template; renders one recipient at a time, on any thread. */
final class HandlebarsTemplate implements CompiledTemplate {

	private final Parts parts;
	private final BodyFormat format;
	private final @Nullable String emailField;
	private final Locale locale;
	private final Set<String> fields;
	private final AttachmentFolder folder;

	HandlebarsTemplate(Parts parts, BodyFormat format, @Nullable String emailField, Locale locale,
			Set<String> fields, AttachmentFolder folder) {
		this.folder = folder;
		this.parts = parts;
		this.format = format;
		this.emailField = emailField;
		this.locale = locale;
		this.fields = fields;
	}

	@Override
	public Set<String> fields() {
		return fields;
	}

	@Override
	public Rendering render(Recipient recipient) {
		RenderLog log = new RenderLog();
		Context context = Context.newBuilder(FieldsModel.of(recipient.values(), log)).resolver(FieldResolver.INSTANCE)
				.build();
		context.data(Helpers.LOCALE, locale);
		try {
			return render(recipient, context, log);
		} finally {
			context.destroy();
		}
	}

	private Rendering render(Recipient recipient, Context context, RenderLog log) {
		RecipientKey key = recipient.key();
		List<Problem> problems = new ArrayList<>();
		String subject = apply(parts.subject(), context, key, problems).strip();
		String body = apply(parts.body(), context, key, problems);
		String html;
		String text;
		if (format == BodyFormat.MARKDOWN) {
			Markdown.Rendered rendered = Markdown.render(body);
			html = rendered.html();
			text = rendered.text();
		} else {
			html = Markdown.document(body);
			PartTemplate twin = parts.textBody();
			// the twin renders the same tags: its problems are the body's, already reported
			text = twin == null ? PlainText.of(html) : PlainText.tidy(apply(twin, context, key, new ArrayList<>()));
		}
		int missingBeforeTo = log.missingFields().size();
		PartTemplate toTemplate = parts.to();
		String addressField = emailField;
		String to = toTemplate != null ? apply(toTemplate, context, key, problems)
				: addressField == null ? "" : Addresses.value(recipient.text(addressField)); //$NON-NLS-1$
		boolean toFieldEmpty = log.missingFields().size() > missingBeforeTo;
		Set<String> missingBeforeOptional = Set.copyOf(log.missingFields());
		String cc = apply(parts.cc(), context, key, problems);
		String bcc = apply(parts.bcc(), context, key, problems);
		String replyTo = apply(parts.replyTo(), context, key, problems);
		// an empty field in Cc, Bcc or Reply-To just means no such address for this recipient
		log.missingFields().retainAll(missingBeforeOptional);
		List<String> attachmentPaths = new ArrayList<>();
		List<Path> attachments = new ArrayList<>();
		for (int index = 0; index < parts.attachments().size(); index++) {
			PartTemplate attachment = parts.attachments().get(index);
			String path = apply(attachment, context, key, problems).strip();
			attachmentPaths.add(path);
			if (parts.perRecipient().get(index).booleanValue()) {
				AttachmentFolder.Resolved resolved = folder.resolve(path);
				Path inside = resolved.file();
				String refusal = inside == null ? resolved.refusal() : missing(inside, path);
				if (refusal != null) {
					problems.add(new Problem(Severity.ERROR, Kind.MISSING_ATTACHMENT, key, null, TemplatePart.ATTACHMENT,
							refusal, 0, 0));
				}
				if (inside != null) {
					attachments.add(inside);
				}
				continue;
			}
			try {
				Path file = Path.of(path);
				String missing = missing(file, path);
				if (missing != null) {
					problems.add(new Problem(Severity.ERROR, Kind.MISSING_ATTACHMENT, key, null, TemplatePart.ATTACHMENT,
							missing, 0, 0));
				}
				attachments.add(file);
			} catch (InvalidPathException e) {
				problems.add(new Problem(Severity.ERROR, Kind.MISSING_ATTACHMENT, key, null, TemplatePart.ATTACHMENT,
						e.getMessage() == null ? path : e.getMessage(), 0, 0));
			}
		}
		for (String field : log.missingFields()) {
			problems.add(Problem.ofRecipient(Severity.ERROR, Kind.MISSING_VALUE, key, field,
					NLS.bind(Messages.Render_missingValue, field, Fields.withFallback(field, "…")))); //$NON-NLS-1$
		}
		if (subject.isBlank()) {
			problems.add(Problem.ofRecipient(Severity.ERROR, Kind.EMPTY_SUBJECT, key, null, Messages.Render_emptySubject));
		}
		List<String> toList = addresses(TemplatePart.TO, to, key, problems);
		if (toList.isEmpty() && !toFieldEmpty) {
			problems.add(new Problem(Severity.ERROR, Kind.INVALID_ADDRESS, key, toTemplate == null ? emailField : null,
					TemplatePart.TO, NLS.bind(Messages.Render_noAddress, Messages.Part_TO), 0, 0));
		}
		List<String> ccList = addresses(TemplatePart.CC, cc, key, problems);
		List<String> bccList = addresses(TemplatePart.BCC, bcc, key, problems);
		List<String> replyToList = addresses(TemplatePart.REPLY_TO, replyTo, key, problems);
		Rendering.Draft draft = new Rendering.Draft(Addresses.plain(to), Addresses.plain(cc), Addresses.plain(bcc),
				Addresses.plain(replyTo), subject, html, text, attachmentPaths);
		boolean errors = problems.stream().anyMatch(Problem::isError);
		MergedMessage message = errors ? null
				: new MergedMessage(key, toList, ccList, bccList, replyToList, subject, html, text, attachments);
		return new Rendering(key, message, draft, problems);
	}

	/** Why a rendered attachment path cannot be sent, or null when it names a readable file. */
	private static @Nullable String missing(Path file, String path) {
		if (path.isEmpty()) {
			return Messages.Render_attachmentEmpty;
		}
		if (!Files.exists(file)) {
			return NLS.bind(Messages.Render_attachmentMissing, path);
		}
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			return NLS.bind(Messages.Render_attachmentUnreadable, path);
		}
		return null;
	}

	private static String apply(@Nullable PartTemplate part, Context context, RecipientKey key, List<Problem> problems) {
		if (part == null) {
			return ""; //$NON-NLS-1$
		}
		try {
			return part.apply(context);
		} catch (PartTemplate.PartFailure failure) {
			String field = failure.reason() instanceof ValueFormatException bad ? bad.field() : null;
			String reason = failure.reason().getMessage();
			problems.add(new Problem(Severity.ERROR, Kind.RENDERING, key, field, failure.part(),
					NLS.bind(Messages.Render_failed, new Object[] { HandlebarsMergeEngine.label(failure.part()),
							failure.line(), failure.column(), reason == null ? failure.reason().toString() : reason }),
					failure.line(), failure.column()));
			return ""; //$NON-NLS-1$
		}
	}

	private static List<String> addresses(TemplatePart part, String line, RecipientKey key, List<Problem> problems) {
		List<String> entries = new ArrayList<>();
		for (Addresses.Entry entry : Addresses.parse(line)) {
			if (!entry.isValid()) {
				problems.add(new Problem(Severity.ERROR, Kind.INVALID_ADDRESS, key, null, part,
						NLS.bind(Messages.Render_invalidAddress, HandlebarsMergeEngine.label(part), entry.shown()), 0, 0));
			}
			entries.add(entry.formatted());
		}
		return entries;
	}
}
