package com.securemailmerge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Problem;

/** {@code validate}: every problem of the campaign, a summary, exit code 0 without errors, 1 with. */
final class ValidateCommand {

	private ValidateCommand() {
	}

	/** Prints every problem; returns how many are errors. */
	static long problems(OpenedCampaign campaign, Output output) {
		List<Problem> problems = campaign.problems();
		problems.forEach(problem -> output.problem(problem, campaign.list()));
		return problems.stream().filter(Problem::isError).count();
	}

	/** Prints the problems and the summary; true when there are errors. */
	static boolean print(OpenedCampaign campaign, Output output) {
		List<Problem> problems = campaign.problems();
		long errors = problems(campaign, output);
		long warnings = problems.size() - errors;
		long recipients = problems.stream().filter(p -> p.isError() && p.recipient() != null).map(Problem::recipient)
				.distinct().count();
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("command", "validate"); //$NON-NLS-1$ //$NON-NLS-2$
		fields.put("campaign", campaign.file().toString()); //$NON-NLS-1$
		fields.put("recipients", campaign.list().recipients().size()); //$NON-NLS-1$
		fields.put("included", campaign.list().included().size()); //$NON-NLS-1$
		fields.put("checked", campaign.validation().checked()); //$NON-NLS-1$
		fields.put("errors", errors); //$NON-NLS-1$
		fields.put("warnings", warnings); //$NON-NLS-1$
		fields.put("recipientsWithErrors", recipients); //$NON-NLS-1$
		fields.put("held", campaign.held().size()); //$NON-NLS-1$
		fields.put("ok", errors == 0); //$NON-NLS-1$
		output.summary(fields, errors == 0
				? NLS.bind(Messages.Validate_ok, campaign.list().included().size(), warnings)
				: NLS.bind(Messages.Validate_errors, new Object[] { errors, recipients, warnings,
						campaign.list().included().size() }));
		return errors > 0;
	}
}
