package com.securemailmerge.merge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Problem.Kind;
import com.securemailmerge.model.TemplatePart;

/**
 * The merge engine on Handlebars.java. Compiling parses every part, then renders it once in probe
 * mode (every branch, sample values) so that each unknown field is reported with its position.
 */
@Component(service = MergeEngine.class)
public final class HandlebarsMergeEngine implements MergeEngine {

	private static final int MAX_UNKNOWN = 50;

	/**
	 * The Handlebars instances, made with the first compilation (in the Job that compiles), not
	 * when the service is activated: activation happens on the UI thread while the window opens.
	 */
	private static final class Engines {

		static final Handlebars HEADER = handlebars(Escaping.HEADER);
		static final Handlebars ADDRESS = handlebars(Escaping.ADDRESS);
		static final Handlebars HTML = handlebars(Escaping.HTML);
		static final Handlebars MARKDOWN = handlebars(Escaping.MARKDOWN);
		static final Handlebars TEXT = handlebars(Escaping.TEXT);

		private Engines() {
		}

		private static Handlebars handlebars(Escaping escaping) {
			Handlebars handlebars = new Handlebars().with(escaping).with(new EmptyFieldFormatter());
			Helpers.register(handlebars);
			return handlebars;
		}
	}

	@Override
	public Compilation compile(MergeInput input) {
		Session session = new Session(input);
		com.securemailmerge.model.Template template = input.template();
		PartTemplate subject = session.part(Engines.HEADER, TemplatePart.SUBJECT, template.subject());
		PartTemplate body = session.part(template.format() == BodyFormat.MARKDOWN ? Engines.MARKDOWN : Engines.HTML,
				TemplatePart.BODY, template.body());
		PartTemplate to = template.to().isBlank() ? null : session.part(Engines.ADDRESS, TemplatePart.TO, template.to());
		if (to == null && input.emailField() == null) {
			session.fail(Problem.inTemplate(Kind.INVALID_ADDRESS, TemplatePart.TO, null,
					NLS.bind(Messages.Render_noAddress, Messages.Part_TO), 0, 0));
		}
		PartTemplate cc = session.optional(TemplatePart.CC, template.cc());
		PartTemplate bcc = session.optional(TemplatePart.BCC, template.bcc());
		PartTemplate replyTo = session.optional(TemplatePart.REPLY_TO, template.replyTo());
		List<PartTemplate> attachments = new ArrayList<>();
		List<Boolean> perRecipient = new ArrayList<>();
		java.nio.file.Path root = input.attachmentFolder();
		boolean folderHeld = root != null && held(input, root.toString());
		for (Attachment attachment : input.attachments()) {
			if (attachment.kind() == Attachment.Kind.PER_RECIPIENT && folderHeld) {
				// the folder a received campaign file names outside its own: nothing from it until the user agrees
				session.fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, TemplatePart.ATTACHMENT, null,
						NLS.bind(Messages.Compile_folderHeld, attachment.path(), root), 0, 0));
				continue;
			}
			if (attachment.kind() == Attachment.Kind.COMMON && attachment.path().contains("{{")) { //$NON-NLS-1$
				// a file for everybody is a file the user chose: never a path a recipient's values build
				session.fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, TemplatePart.ATTACHMENT, null,
						NLS.bind(Messages.Compile_commonWithFields, attachment.path()), 0, 0));
				continue;
			}
			if (attachment.kind() == Attachment.Kind.COMMON && held(input, attachment.path())) {
				// named by a received campaign file outside its folder: attached only once the user agrees
				session.fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, TemplatePart.ATTACHMENT, null,
						NLS.bind(Messages.Compile_commonHeld, attachment.path()), 0, 0));
				continue;
			}
			PartTemplate path = session.part(Engines.HEADER, TemplatePart.ATTACHMENT, attachment.path());
			if (path != null) {
				attachments.add(path);
				perRecipient.add(Boolean.valueOf(attachment.kind() == Attachment.Kind.PER_RECIPIENT));
			}
		}
		if (session.failed || subject == null || body == null) {
			return new Compilation(null, session.problems);
		}
		Parts parts = new Parts(subject, body, textTwin(template), to, cc, bcc, replyTo, attachments, perRecipient);
		return new Compilation(new HandlebarsTemplate(parts, template.format(), input.emailField(), input.locale(),
				Set.copyOf(session.used), new AttachmentFolder(input.attachmentFolder())), session.problems);
	}

	/** Held however the path is written ({@code /home/a/./.ssh/id_rsa} is {@code /home/a/.ssh/id_rsa}). */
	private static boolean held(MergeInput input, String path) {
		if (input.held().isEmpty()) {
			return false;
		}
		java.util.Set<String> normal = new java.util.HashSet<>();
		for (String each : input.held()) {
			normal.add(normalised(each));
		}
		return normal.contains(normalised(path));
	}

	private static String normalised(String path) {
		try {
			return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
		} catch (java.nio.file.InvalidPathException e) {
			return path;
		}
	}

	/** The plain-text twin of an HTML body, compiled; null when it cannot be made safely. */
	@Nullable
	private PartTemplate textTwin(com.securemailmerge.model.Template template) {
		if (template.format() != BodyFormat.HTML) {
			return null;
		}
		String source = PlainText.template(template.body());
		if (source == null) {
			return null;
		}
		try {
			return new PartTemplate(TemplatePart.BODY, Engines.TEXT.compileInline(source));
		} catch (IOException | HandlebarsException e) {
			return null; // each message's HTML is converted instead
		}
	}

	/** The state of one compilation: the known fields, the fields seen, the problems. */
	private final class Session {

		private final Set<String> fields;
		private final Locale locale;
		private final Set<String> used = new LinkedHashSet<>();
		private final List<Problem> problems = new ArrayList<>();
		private boolean failed;

		Session(MergeInput input) {
			this.fields = new LinkedHashSet<>(input.fields());
			this.locale = input.locale();
		}

		@Nullable
		PartTemplate optional(TemplatePart part, String source) {
			return source.isBlank() ? null : part(Engines.ADDRESS, part, source);
		}

		@Nullable
		PartTemplate part(Handlebars handlebars, TemplatePart part, String source) {
			Template template;
			try {
				template = handlebars.compileInline(source);
			} catch (HandlebarsException e) {
				PartTemplate.PartFailure failure = PartTemplate.PartFailure.of(part, e);
				fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, part, null, NLS.bind(Messages.Compile_syntax, new Object[] {
						label(part), failure.line(), failure.column(), PartTemplate.PartFailure.syntaxReason(e) }),
						failure.line(), failure.column()));
				return null;
			} catch (IOException e) {
				throw new IllegalStateException(e); // an inline source is never read from anywhere
			} catch (RuntimeException e) {
				// Handlebars' own checks (found by TemplateFuzz: "{{#each~~…}}" names an empty helper)
				fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, part, null,
						NLS.bind(Messages.Compile_unreadable, label(part), String.valueOf(e.getMessage())), 0, 0));
				return null;
			}
			for (String raw : template.collect(TagType.TRIPLE_VAR, TagType.AMP_VAR)) {
				fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, part, raw,
						NLS.bind(Messages.Compile_rawOutput, new Object[] { label(part), raw, "{{" + raw + "}}" }), 0, 0)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			PartTemplate compiled = new PartTemplate(part, template);
			probe(compiled);
			return compiled;
		}

		/** Renders every branch with sample values until no unknown field is left to report. */
		private void probe(PartTemplate compiled) {
			Set<String> tolerated = new LinkedHashSet<>();
			for (int round = 0; round <= MAX_UNKNOWN; round++) {
				FieldsModel model = FieldsModel.probe(fields, tolerated);
				Context context = Context.newBuilder(model).resolver(FieldResolver.INSTANCE).build();
				context.data(Helpers.PROBE, Boolean.TRUE);
				context.data(Helpers.LOCALE, locale);
				try {
					compiled.apply(context);
					used.addAll(model.seen());
					used.removeAll(tolerated);
					return;
				} catch (PartTemplate.PartFailure failure) {
					if (!report(failure)) {
						return;
					}
					if (failure.reason() instanceof UnknownFieldException unknown) {
						tolerated.add(unknown.field());
					}
				} finally {
					context.destroy();
				}
			}
			fail(Problem.inTemplate(Kind.UNKNOWN_FIELD, compiled.part(), null,
					NLS.bind(Messages.Compile_tooManyUnknown, label(compiled.part())), 0, 0));
		}

		/** Reports a probe failure; true when probing can go on past it. */
		private boolean report(PartTemplate.PartFailure failure) {
			TemplatePart part = failure.part();
			Object[] where = { label(part), failure.line(), failure.column() };
			if (failure.reason() instanceof UnknownFieldException unknown) {
				String text = NLS.bind(Messages.Compile_unknownField, append(where, unknown.field())) + hint(unknown.field());
				fail(Problem.inTemplate(Kind.UNKNOWN_FIELD, part, unknown.field(), text, failure.line(), failure.column()));
				return true;
			}
			if (failure.reason() instanceof UnknownHelperException helper) {
				if (problems.stream().anyMatch(p -> p.part() == part && p.line() == failure.line()
						&& p.column() == failure.column())) {
					return false; // {{Mitglied seit}}: already reported as one unknown name with a hint
				}
				String text = NLS.bind(Messages.Compile_unknownHelper, append(where, helper.name())) + hint(helper.name());
				fail(Problem.inTemplate(Kind.UNKNOWN_FIELD, part, helper.name(), text, failure.line(), failure.column()));
				return false;
			}
			String reason = failure.reason().getMessage();
			fail(Problem.inTemplate(Kind.TEMPLATE_SYNTAX, part, null,
					NLS.bind(Messages.Compile_syntax, append(where, reason == null ? failure.reason().toString() : reason)),
					failure.line(), failure.column()));
			return false;
		}

		/** A suggestion: the field with the same name in other case, or with this word in it. */
		private String hint(String name) {
			for (String field : fields) {
				if (field.equalsIgnoreCase(name.strip())) {
					return ' ' + NLS.bind(Messages.Compile_didYouMean, com.securemailmerge.merge.Fields.reference(field));
				}
			}
			for (String field : fields) {
				if (field.contains(" ") && List.of(field.split(" ")).contains(name)) { //$NON-NLS-1$ //$NON-NLS-2$
					return ' ' + NLS.bind(Messages.Compile_brackets, com.securemailmerge.merge.Fields.reference(field));
				}
			}
			return ""; //$NON-NLS-1$
		}

		private void fail(Problem problem) {
			problems.add(problem);
			failed = true;
		}
	}

	private static Object[] append(Object[] where, Object last) {
		Object[] all = new Object[where.length + 1];
		System.arraycopy(where, 0, all, 0, where.length);
		all[where.length] = last;
		return all;
	}

	static String label(TemplatePart part) {
		return switch (part) {
		case SUBJECT -> Messages.Part_SUBJECT;
		case BODY -> Messages.Part_BODY;
		case TO -> Messages.Part_TO;
		case CC -> Messages.Part_CC;
		case BCC -> Messages.Part_BCC;
		case REPLY_TO -> Messages.Part_REPLY_TO;
		case ATTACHMENT -> Messages.Part_ATTACHMENT;
		};
	}
}
