package com.securemailmerge.ui.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.send.LogSafe;
import com.securemailmerge.send.OpenTransport;
import com.securemailmerge.send.TestMail;
import com.securemailmerge.send.TransportProvider;

/** The test mail of one recipient, in a Job: to oneself (Microsoft 365) or into the outbox's test folder. */
final class TestMailJob {

	private TestMailJob() {
	}

	static Job schedule(Sending sending, IEventBroker events, CompiledTemplate template, Recipient recipient) {
		AtomicReference<IStatus> shown = new AtomicReference<>(Status.CANCEL_STATUS);
		Job test = Job.create(Messages.Sending_testJob, (IProgressMonitor monitor) -> {
			IStatus outcome;
			try {
				OpenTransport transport = sending.open(TransportProvider.Purpose.TEST_MAIL, monitor);
				String id = TestMail.send(template, recipient, transport);
				String where = transport.from().isBlank()
						? sending.outbox().map(path -> path.resolve("test").resolve(id).toString()).orElse(id) //$NON-NLS-1$
						: transport.from();
				outcome = Status.info(NLS.bind(Messages.Sending_testSent, where));
			} catch (IOException e) {
				outcome = Status.error(NLS.bind(Messages.Sending_testFailed, e.getMessage()));
			}
			shown.set(outcome);
			// the job framework logs errors: the log gets a text that names no address or path
			return LogSafe.of(outcome, Messages.Sending_testFailedLog);
		});
		test.setUser(true);
		test.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(@Nullable IJobChangeEvent event) {
				events.post(Topics.SENDING_DONE, shown.get());
			}
		});
		test.schedule();
		return test;
	}
}
