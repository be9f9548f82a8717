package com.securemailmerge.merge;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Problem;

/** The result of compiling: a template that can render, or the problems that prevent it. */
public record Compilation(@Nullable CompiledTemplate template, List<Problem> problems) {

	public Compilation {
		problems = List.copyOf(problems);
		if (template == null && problems.isEmpty()) {
			throw new IllegalArgumentException("A failed compilation names its problems");
		}
	}

	public boolean succeeded() {
		return template != null;
	}
}
