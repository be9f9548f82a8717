package com.securemailmerge.ui.internal;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.RecipientList;

/** The template compiled against a recipient list, and the validation of that list (null: none loaded). */
public record MergeState(Compilation compilation, @Nullable RecipientList list, @Nullable Validation validation) {
}
