package com.securemailmerge.merge;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.internal.Messages;
import com.securemailmerge.model.AddressLine;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * Checks a whole campaign before anything is sent: renders the message of every included recipient
 * and collects what stops it (missing values, bad addresses, empty subject, values that are not
 * numbers or dates, missing attachment files, messages larger than the mailbox accepts). Nothing is
 * written anywhere.
 */
public final class Validation {

	private final List<Problem> problems;
	private final int checked;

	private Validation(List<Problem> problems, int checked) {
		this.problems = problems;
		this.checked = checked;
	}

	public static Validation of(Compilation compilation, RecipientList list, IProgressMonitor monitor) {
		return of(compilation, list, 0, monitor);
	}

	/**
	 * Validates as {@link #of(Compilation, RecipientList, IProgressMonitor)} does and also reports a
	 * recipient whose message, estimated by {@link MessageSize}, is larger than the limit.
	 *
	 * @param maxMessageSize the largest message the mailbox accepts in bytes; 0: no limit
	 */
	public static Validation of(Compilation compilation, RecipientList list, long maxMessageSize,
			IProgressMonitor monitor) {
		return of(compilation, list, maxMessageSize, address -> false, monitor);
	}

	/**
	 * With the sender's opt-out list: a recipient whose message has an address on it (any line; the
	 * e-mail field when the message cannot be made) is an INFO problem naming that address, and its
	 * other problems are left out: they block nothing, since nothing is sent to it.
	 */
	public static Validation of(Compilation compilation, RecipientList list, long maxMessageSize,
			Predicate<String> optedOut, IProgressMonitor monitor) {
		if (maxMessageSize < 0) {
			throw new IllegalArgumentException("A size limit is 0 (none) or positive: " + maxMessageSize); //$NON-NLS-1$
		}
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
			Rendering rendering = template.render(recipient);
			MergedMessage message = rendering.message();
			String opted = optedOut(recipient, message, list.emailField(), optedOut);
			if (opted != null) {
				all.add(Problem.ofRecipient(Problem.Severity.INFO, Problem.Kind.OPTED_OUT, recipient.key(), null,
						NLS.bind(Messages.Validation_optedOut, opted)));
				count++;
				progress.worked(1);
				continue;
			}
			all.addAll(rendering.problems());
			if (maxMessageSize > 0 && message != null) {
				long size = MessageSize.estimate(message);
				if (size > maxMessageSize) {
					all.add(Problem.ofRecipient(Problem.Severity.ERROR, Problem.Kind.MESSAGE_TOO_LARGE,
							recipient.key(), null, NLS.bind(Messages.Validation_tooLarge, megabytes(size),
									megabytes(maxMessageSize))));
				}
			}
			count++;
			progress.worked(1);
		}
		all.sort(Problem.ORDER);
		return new Validation(List.copyOf(all), count);
	}

	/** The first address of the message (or, without one, of the e-mail field) on the opt-out list. */
	public static @Nullable String optedOut(Recipient recipient, @Nullable MergedMessage message, @Nullable String emailField,
			Predicate<String> optedOut) {
		if (message != null) {
			for (List<String> line : List.of(message.to(), message.cc(), message.bcc())) {
				for (String entry : line) {
					String address = AddressLine.address(entry);
					if (optedOut.test(address)) {
						return address;
					}
				}
			}
			return null;
		}
		String address = emailField == null ? "" : recipient.text(emailField).strip(); //$NON-NLS-1$
		return !address.isEmpty() && optedOut.test(address) ? address : null;
	}

	/** Mebibytes (as Exchange counts its "35 MB"), with one decimal where it matters. */
	private static String megabytes(long bytes) {
		NumberFormat format = NumberFormat.getNumberInstance();
		format.setMaximumFractionDigits(1);
		return format.format(bytes / (1024.0 * 1024.0));
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
