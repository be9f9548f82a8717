package com.securemailmerge.merge;

import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientKey;

/**
 * The message of one recipient and what is wrong with it. The message is there when no error was
 * found; the preview also shows the parts that did render through {@link #draft()}.
 */
public record Rendering(RecipientKey recipient, @Nullable MergedMessage message, Draft draft,
		List<Problem> problems) {

	public Rendering {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(draft, "draft");
		problems = List.copyOf(problems);
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(Problem::isError);
	}

	/** The rendered parts as text, also when some of them failed (then they are empty). */
	public record Draft(String to, String cc, String bcc, String replyTo, String subject, String html,
			String text, List<String> attachments) {

		public Draft {
			attachments = List.copyOf(attachments);
		}
	}
}
