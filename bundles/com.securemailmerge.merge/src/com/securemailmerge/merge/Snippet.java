package com.securemailmerge.merge;

/**
 * The building blocks a template editor offers for a field beside the field itself: a condition,
 * a comparison, a fallback and the two formats. Each is a complete tag our engine compiles, with
 * "…" where the writer puts their own text.
 */
public enum Snippet {

	/** Text when the field has a value, other text when it is empty. */
	IF {
		@Override
		public String forField(String field) {
			return "{{#if " + Fields.name(field) + "}}…{{else}}…{{/if}}"; //$NON-NLS-1$ //$NON-NLS-2$
		}
	},
	/** Text when the field has one value (for example Anrede "Frau"), other text otherwise. */
	EQUALS {
		@Override
		public String forField(String field) {
			return "{{#eq " + Fields.name(field) + " \"…\"}}…{{else}}…{{/eq}}"; //$NON-NLS-1$ //$NON-NLS-2$
		}
	},
	/** The field, or a fallback when it is empty. */
	FALLBACK {
		@Override
		public String forField(String field) {
			return Fields.withFallback(field, "…"); //$NON-NLS-1$
		}
	},
	/** The field as a number in the recipient's locale. */
	NUMBER {
		@Override
		public String forField(String field) {
			return "{{number " + Fields.name(field) + " \"#,##0.00\"}}"; //$NON-NLS-1$ //$NON-NLS-2$
		}
	},
	/** The field as a date. */
	DATE {
		@Override
		public String forField(String field) {
			return "{{date " + Fields.name(field) + " \"dd.MM.yyyy\"}}"; //$NON-NLS-1$ //$NON-NLS-2$
		}
	};

	/** The snippet's tag for the field, bracketed when the name needs it. */
	public abstract String forField(String field);
}
