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

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
