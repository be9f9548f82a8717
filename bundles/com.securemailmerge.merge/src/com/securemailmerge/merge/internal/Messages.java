package com.securemailmerge.merge.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the merge engine; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.merge.internal.messages"; //$NON-NLS-1$

	public static String Number_notANumber;
	public static String Number_badPattern;
	public static String Date_notADate;
	public static String Date_badPattern;
	public static String Compile_syntax;
	public static String Compile_unknownField;
	public static String Compile_didYouMean;
	public static String Compile_brackets;
	public static String Compile_unknownHelper;
	public static String Compile_rawOutput;
	public static String Compile_tooManyUnknown;
	public static String Render_missingValue;
	public static String Render_emptySubject;
	public static String Render_noAddress;
	public static String Render_invalidAddress;
	public static String Render_failed;
	public static String Render_attachmentEmpty;
	public static String Compile_commonHeld;
	public static String Compile_folderHeld;
	public static String Compile_unreadable;
	public static String Compile_commonWithFields;
	public static String Render_attachmentNoFolder;
	public static String Render_attachmentOutside;
	public static String Render_attachmentLinkOutside;
	public static String Render_attachmentMissing;
	public static String Render_attachmentUnreadable;
	public static String Validation_tooLarge;
	public static String Validation_optedOut;
	public static String Part_SUBJECT;
	public static String Part_BODY;
	public static String Part_TO;
	public static String Part_CC;
	public static String Part_BCC;
	public static String Part_REPLY_TO;
	public static String Part_ATTACHMENT;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
