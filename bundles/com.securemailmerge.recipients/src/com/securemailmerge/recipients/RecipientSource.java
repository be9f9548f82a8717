package com.securemailmerge.recipients;

import org.eclipse.core.runtime.IProgressMonitor;

import com.securemailmerge.model.SourceReference;

/**
 * Loads recipients. Implementations are contributed to the {@code recipientSources} extension
 * point and created only when the user picks them. They must check the monitor often and throw
 * {@link org.eclipse.core.runtime.OperationCanceledException} when it is cancelled, and they must
 * never fail silently: what cannot be read is a {@link SourceException} naming the file, row and
 * column, what can be read but looks wrong is a problem in the {@link LoadResult}.
 */
public interface RecipientSource {

	LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException;
}
