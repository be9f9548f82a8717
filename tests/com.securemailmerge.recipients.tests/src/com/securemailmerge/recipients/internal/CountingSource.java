package com.securemailmerge.recipients.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;

/** A contributed source that counts how often it was created, to prove lazy loading. */
public final class CountingSource implements RecipientSource {

	static final AtomicInteger CREATED = new AtomicInteger();

	public CountingSource() {
		CREATED.incrementAndGet();
	}

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) {
		return new LoadResult(new RecipientList(reference, List.of(Field.text("E-Mail")), List.of(), "E-Mail"), List.of());
	}
}
