package com.securemailmerge.merge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * Checks a whole campaign before anything is sent: renders the message of every included recipient
 * and collects what stops it (missing values, bad addresses, empty subject, values that are not
 * numbers or dates). Nothing is written anywhere.
 */
public final class Validation {

	private final List<Problem> problems;
	private final int checked;

	private Validation(List<Problem> problems, int checked) {
		this.problems = problems;
		this.checked = checked;
	}

	public static Validation of(Compilation compilation, RecipientList list, IProgressMonitor monitor) {
		CompiledTemplate template = compilation.template();
		if (template == null) {
			return new Validation(compilation.problems(), 0);
		}
		List<Recipient> included = list.included();
		SubMonitor progress = SubMonitor.convert(monitor, included.size());
		List<Problem> all = new ArrayList<>(compilation.problems());
		int count = 0;
		for (Recipient recipient : included) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			all.addAll(template.render(recipient).problems());
			count++;
			progress.worked(1);
		}
		all.sort(Problem.ORDER);
		return new Validation(List.copyOf(all), count);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** How many recipients were rendered. */
	public int checked() {
		return checked;
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(Problem::isError);
	}

	/** How many problems of each kind (kinds without any are left out). */
	public Map<Problem.Kind, Integer> counts() {
		Map<Problem.Kind, Integer> counts = new EnumMap<>(Problem.Kind.class);
		problems.forEach(p -> counts.merge(p.kind(), 1, Integer::sum));
		return counts;
	}

	/** How many distinct recipients have at least one error. */
	public long recipientsWithErrors() {
		return problems.stream().filter(Problem::isError).map(Problem::recipient).filter(r -> r != null).distinct()
				.count();
	}
}
