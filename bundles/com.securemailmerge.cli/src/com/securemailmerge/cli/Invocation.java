package com.securemailmerge.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.TransportKind;

/**
 * What the command line asks for: a command, the campaign file and the options.
 *
 * @param transport for {@code send} and {@code report}: the way chosen on the command line (null: the
 *        campaign's own), which also chooses the journal
 * @param out for {@code report}: the CSV file to write
 */
record Invocation(Command command, Path campaign, boolean json, @Nullable TransportKind transport,
		@Nullable Path out, boolean retryUnconfirmed) {

	enum Command {
		VALIDATE, SEND, REPORT
	}

	/** A command line that cannot be run: exit code 2, the usage shown. */
	static final class UsageException extends Exception {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}

	static Invocation parse(List<String> arguments) throws UsageException {
		if (arguments.isEmpty()) {
			throw new UsageException(Messages.Usage_noCommand);
		}
		Command command = switch (arguments.get(0)) {
		case "validate" -> Command.VALIDATE; //$NON-NLS-1$
		case "send" -> Command.SEND; //$NON-NLS-1$
		case "report" -> Command.REPORT; //$NON-NLS-1$
		default -> throw new UsageException(NLS.bind(Messages.Usage_unknownCommand, arguments.get(0)));
		};
		Path campaign = null;
		boolean json = false;
		boolean retry = false;
		TransportKind transport = null;
		Path out = null;
		for (int i = 1; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			switch (argument) {
			case "--json" -> json = true; //$NON-NLS-1$
			case "--outbox", "--m365" -> { //$NON-NLS-1$ //$NON-NLS-2$
				TransportKind chosen = argument.equals("--outbox") ? TransportKind.OUTBOX : TransportKind.GRAPH; //$NON-NLS-1$
				if (command == Command.VALIDATE || (transport != null && transport != chosen)) {
					throw new UsageException(NLS.bind(Messages.Usage_notHere, argument));
				}
				transport = chosen;
			}
			case "--retry-unconfirmed" -> { //$NON-NLS-1$
				if (command != Command.SEND) {
					throw new UsageException(NLS.bind(Messages.Usage_notHere, argument));
				}
				retry = true;
			}
			case "--out" -> { //$NON-NLS-1$
				if (command != Command.REPORT || i + 1 >= arguments.size()) {
					throw new UsageException(NLS.bind(Messages.Usage_notHere, argument));
				}
				out = path(arguments.get(++i));
			}
			default -> {
				if (argument.startsWith("-") || campaign != null) { //$NON-NLS-1$
					throw new UsageException(NLS.bind(Messages.Usage_unknownOption, argument));
				}
				campaign = path(argument);
			}
			}
		}
		if (campaign == null) {
			throw new UsageException(Messages.Usage_noCampaign);
		}
		if (command == Command.REPORT && out == null) {
			throw new UsageException(Messages.Usage_noOut);
		}
		return new Invocation(command, campaign, json, transport, out, retry);
	}

	private static Path path(String text) throws UsageException {
		try {
			return Path.of(text).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw new UsageException(NLS.bind(Messages.Usage_badPath, text));
		}
	}
}
