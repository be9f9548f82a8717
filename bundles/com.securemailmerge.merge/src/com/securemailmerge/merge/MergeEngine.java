package com.securemailmerge.merge;

/**
 * Compiles templates for a recipient list. A DS service; compiled templates are immutable and may
 * render on several threads at once.
 */
public interface MergeEngine {

	/**
	 * Compiles every part of the template and the attachment paths. Syntax errors and unknown fields
	 * come back as problems with the part, line and column; the compilation then has no template.
	 */
	Compilation compile(MergeInput input);
}
