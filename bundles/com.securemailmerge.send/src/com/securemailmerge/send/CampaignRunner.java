package com.securemailmerge.send;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * Sends a campaign exactly once: recipients whose last journal state is SENT are skipped; for every
 * other one the transport is first asked whether a message with its tag already went out (a crash
 * may have come between delivering and recording), and only then is the message rendered and
 * delivered. Each step is in the journal before the next begins; a failure is recorded with its
 * reason and the run goes on, so a later run retries exactly the failed ones.
 */
public final class CampaignRunner {

	private final UUID campaign;
	private final Journal journal;
	private final Transport transport;

	public CampaignRunner(UUID campaign, Journal journal, Transport transport) {
		this.campaign = campaign;
		this.journal = journal;
		this.transport = transport;
	}

	/** The tag of a recipient's message in this campaign. */
	public String tag(Recipient recipient) {
		return campaign + "/" + recipient.key().value(); //$NON-NLS-1$
	}

	public RunResult run(CompiledTemplate template, RecipientList list, IProgressMonitor monitor) throws IOException {
		List<Recipient> recipients = list.included();
		SubMonitor progress = SubMonitor.convert(monitor, recipients.size());
		int sent = 0;
		int already = 0;
		int failed = 0;
		for (Recipient recipient : recipients) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			progress.worked(1);
			if (journal.state(recipient.key()) == RecipientState.SENT) {
				already++;
				continue;
			}
			String tag = tag(recipient);
			Optional<String> delivered = transport.findDelivered(tag);
			if (delivered.isPresent()) {
				journal.record(recipient.key(), RecipientState.SENT, delivered.get());
				already++;
				continue;
			}
			Rendering rendering = template.render(recipient);
			MergedMessage message = rendering.message();
			if (message == null) {
				journal.record(recipient.key(), RecipientState.FAILED, rendering.problems().stream()
						.filter(Problem::isError).map(Problem::message).findFirst().orElse("")); //$NON-NLS-1$
				failed++;
				continue;
			}
			journal.record(recipient.key(), RecipientState.PLANNED, tag);
			try {
				String id = transport.deliver(message, tag);
				journal.record(recipient.key(), RecipientState.SENT, id);
				sent++;
			} catch (IOException e) {
				journal.record(recipient.key(), RecipientState.FAILED, String.valueOf(e.getMessage()));
				failed++;
			}
		}
		return new RunResult(sent, already, failed);
	}
}
