package com.securemailmerge.cli;

import java.io.PrintStream;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * The command line's commands on the given services and streams: standard output gets the problems
 * and the summary (or JSON), standard error the usage, progress and what went wrong. Exit codes:
 * 0 done, 1 problems or failed messages, 2 usage or file error, 3 (send) the rest follows the next
 * day's allowance.
 */
final class Cli {

	static final int OK = 0;
	static final int PROBLEMS = 1;
	static final int USAGE = 2;

	private final Services services;
	private final PrintStream out;
	private final PrintStream err;

	Cli(Services services, PrintStream out, PrintStream err) {
		this.services = services;
		this.out = out;
		this.err = err;
	}

	private void error(String message) {
		java.util.Map<String, @org.eclipse.jdt.annotation.Nullable Object> fields = new java.util.LinkedHashMap<>();
		fields.put("type", "error"); //$NON-NLS-1$ //$NON-NLS-2$
		fields.put("message", message); //$NON-NLS-1$
		out.println(Output.object(fields));
	}

	int run(List<String> arguments) {
		if (arguments.size() == 1 && List.of("help", "--help", "-h", "-?").contains(arguments.get(0))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			out.println(Messages.Usage_text);
			return OK;
		}
		Invocation invocation;
		try {
			invocation = Invocation.parse(arguments);
		} catch (Invocation.UsageException e) {
			err.println(e.getMessage());
			err.println(Messages.Usage_text);
			if (arguments.contains("--json")) { //$NON-NLS-1$
				error(String.valueOf(e.getMessage()));
			}
			return USAGE;
		}
		Output output = new Output(out, invocation.json());
		try {
			OpenedCampaign campaign = OpenedCampaign.open(invocation.campaign(), invocation.transport(), services, err,
					new NullProgressMonitor());
			return switch (invocation.command()) {
			case VALIDATE -> ValidateCommand.print(campaign, output) ? PROBLEMS : OK;
			case SEND -> new SendCommand(services, err).send(campaign, output, invocation.retryUnconfirmed());
			case REPORT -> {
				ReportCommand.write(campaign, java.util.Objects.requireNonNull(invocation.out()), output);
				yield OK;
			}
			};
		} catch (CliException | RuntimeException e) {
			// a file, a value or a bug of ours on a strange file: named, with exit code 2, not a stack trace
			String message = e instanceof CliException ? String.valueOf(e.getMessage())
					: org.eclipse.osgi.util.NLS.bind(Messages.Cli_failed, e.getClass().getSimpleName(), e.getMessage());
			err.println(Output.safe(message));
			if (invocation.json()) {
				error(message);
			}
			return USAGE;
		} finally {
			out.flush();
			err.flush();
		}
	}
}
