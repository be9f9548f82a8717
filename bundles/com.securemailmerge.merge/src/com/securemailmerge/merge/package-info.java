/**
 * The merge engine: compiles a {@link com.securemailmerge.model.Template} (Handlebars syntax; HTML
 * or Markdown body), reports syntax errors and unknown fields with line and column, and renders one
 * {@link com.securemailmerge.model.MergedMessage} per recipient with the problems found on the way.
 */
@NonNullByDefault
package com.securemailmerge.merge;

import org.eclipse.jdt.annotation.NonNullByDefault;
