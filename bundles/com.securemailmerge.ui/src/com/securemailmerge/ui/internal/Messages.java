package com.securemailmerge.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** User-facing texts of the workbench parts; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.ui.internal.messages"; //$NON-NLS-1$

	public static String RecipientsPart_empty;
	public static String RecipientsPart_count;
	public static String RecipientsPart_countFiltered;
	public static String RecipientsPart_open;
	public static String RecipientsPart_cancel;
	public static String RecipientsPart_search;
	public static String RecipientsPart_emailColumn;
	public static String RecipientsPart_include;
	public static String RecipientsPart_exclude;
	public static String RecipientsPart_includeAll;
	public static String RecipientsPart_excludeAll;
	public static String RecipientsPart_loading;
	public static String RecipientsPart_loaded;
	public static String RecipientsPart_loadFailed;
	public static String RecipientsPart_noSource;
	public static String CategoriesPart_empty;
	public static String TemplatePart_subject;
	public static String TemplatePart_body;
	public static String PreviewPart_empty;
	public static String AttachmentsPart_empty;
	public static String ProblemsPart_empty;
	public static String ProblemsPart_summary;
	public static String ProblemsPart_column_problem;
	public static String ProblemsPart_column_recipient;
	public static String ProblemsPart_column_field;
	public static String LogPart_empty;
	public static String About_title;
	public static String About_text;

	public static String Campaign_cancel;
	public static String Campaign_defaultName;
	public static String Campaign_discard;
	public static String Campaign_filterAll;
	public static String Campaign_filterName;
	public static String Campaign_noRecent;
	public static String Campaign_openFailed;
	public static String Campaign_save;
	public static String Campaign_saveFailed;
	public static String Campaign_unsaved;
	public static String Campaign_unsavedTitle;
	public static String LiveMerge_job;
	public static String PreviewPart_attachments;
	public static String PreviewPart_cc;
	public static String PreviewPart_excluded;
	public static String PreviewPart_next;
	public static String PreviewPart_noBrowser;
	public static String PreviewPart_previous;
	public static String PreviewPart_recipient;
	public static String PreviewPart_subject;
	public static String PreviewPart_templateErrors;
	public static String PreviewPart_to;
	public static String ProblemKind_DUPLICATE_ADDRESS;
	public static String ProblemKind_EMPTY_SUBJECT;
	public static String ProblemKind_INVALID_ADDRESS;
	public static String ProblemKind_MESSAGE_TOO_LARGE;
	public static String ProblemKind_MISSING_ATTACHMENT;
	public static String ProblemKind_MISSING_VALUE;
	public static String ProblemKind_RENDERING;
	public static String ProblemKind_SOURCE;
	public static String ProblemKind_TEMPLATE_SYNTAX;
	public static String ProblemKind_UNKNOWN_FIELD;
	public static String ProblemsPart_allGood;
	public static String ProblemsPart_column_where;
	public static String RecipientsPart_sourceMissing;
	public static String TemplatePart_cc;
	public static String TemplatePart_format;
	public static String TemplatePart_formatHtml;
	public static String TemplatePart_formatMarkdown;
	public static String TemplatePart_help;
	public static String TemplatePart_insertField;
	public static String TemplatePart_noFields;
	public static String TemplatePart_snippetDate;
	public static String TemplatePart_snippetDefault;
	public static String TemplatePart_snippetEq;
	public static String TemplatePart_snippetIf;
	public static String TemplatePart_snippetNumber;
	public static String TemplatePart_subjectHint;
	public static String TemplatePart_to;
	public static String TemplatePart_toHint;
	public static String TemplatePart_bcc;
	public static String TemplatePart_replyTo;
	public static String PreviewPart_bcc;
	public static String PreviewPart_replyTo;
	public static String CategoriesPart_any;
	public static String CategoriesPart_all;
	public static String CategoriesPart_item;
	public static String CategoriesPart_count;
	public static String RecipientsPart_account;
	public static String RecipientsPart_sharedMailbox;
	public static String RecipientsPart_sharedMailboxInvalid;
	public static String PreviewPart_recipientNamed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
