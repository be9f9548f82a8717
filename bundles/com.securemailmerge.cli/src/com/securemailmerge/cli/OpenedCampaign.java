package com.securemailmerge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.campaign.AttachmentApprovals;
import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.campaign.CampaignFileException;
import com.securemailmerge.campaign.CampaignRegistry;
import com.securemailmerge.merge.CampaignFolder;
import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MessageSize;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.SourceException;

/**
 * A campaign file opened as the workbench opens it: its recipients read by the source it names with
 * its e-mail column and exclusions, files outside its folder held unless the user allowed them in
 * the workbench, the template compiled and every recipient validated.
 *
 * @param file the campaign file as it really is (through links): its journal is the workbench's
 * @param campaign the campaign, with the way of sending chosen on the command line
 * @param savedTransport the way of sending the file names
 * @param idAssigned the file has no id yet (a sample): it is saved in the workbench before it sends
 * @param copyOf another campaign file on this computer with the same id (copied in a file manager)
 */
record OpenedCampaign(Path file, Campaign campaign, TransportKind savedTransport, boolean idAssigned, RecipientList list,
		List<Problem> sourceProblems, Compilation compilation, Validation validation, Set<String> held, Optional<Path> copyOf) {

	/** Every problem, of the source and of the merge, in the order the Problems part shows them. */
	List<Problem> problems() {
		List<Problem> all = new ArrayList<>(sourceProblems);
		all.addAll(validation.problems());
		all.sort(Problem.ORDER);
		return all;
	}

	static OpenedCampaign open(Path given, @Nullable TransportKind transport, Services services, PrintStream prompt,
			IProgressMonitor monitor) throws CliException {
		Path file = real(given);
		CampaignFile.Opened opened;
		try {
			opened = CampaignFile.open(file);
		} catch (CampaignFileException e) {
			throw new CliException(String.valueOf(e.getMessage()));
		}
		Campaign campaign = transport == null ? opened.campaign() : opened.campaign().withTransport(transport);
		Path folder = file.getParent();
		Path state = services.workbenchState();
		Optional<Path> copy = state == null || opened.idAssigned() ? Optional.empty()
				: new CampaignRegistry(state.resolve("campaigns.tsv")).other(campaign.id(), file); //$NON-NLS-1$
		Set<String> held = held(campaign, file, state);
		LoadResult loaded = load(campaign.source(), services, prompt, monitor).withSettings(campaign.settings());
		RecipientList list = loaded.recipients();
		Compilation compilation = CampaignFolder.compile(services.engine(), campaign, folder, list, held);
		Validation validation = Validation.of(compilation, list, MessageSize.EXCHANGE_ONLINE_DEFAULT, monitor);
		return new OpenedCampaign(file, campaign, opened.campaign().transport(), opened.idAssigned(), list,
				loaded.problems(), compilation, validation, held, copy);
	}

	/** The file a link leads to (the journal lives beside the real file); as given when it cannot be resolved. */
	private static Path real(Path file) {
		try {
			return file.toRealPath();
		} catch (java.io.IOException | SecurityException e) {
			return file; // missing: CampaignFile says so
		}
	}

	/** The files outside the campaign's folder that the user has not allowed for this campaign file. */
	private static Set<String> held(Campaign campaign, Path file, @Nullable Path state) {
		AttachmentApprovals approvals = state == null ? null
				: new AttachmentApprovals(state.resolve("allowed-attachments.tsv")); //$NON-NLS-1$
		Set<String> held = new java.util.TreeSet<>();
		for (Path outside : CampaignFolder.outside(campaign, file.getParent())) {
			if (approvals == null || !approvals.isAllowed(campaign.id(), file, outside)) {
				held.add(outside.toString());
			}
		}
		return Set.copyOf(held);
	}

	private static LoadResult load(SourceReference source, Services services, PrintStream prompt,
			IProgressMonitor monitor) throws CliException {
		if (source.sourceId().isBlank() || source.location().isBlank()) {
			throw new CliException(Messages.Campaign_noSource);
		}
		RecipientSourceDescriptor descriptor = services.sources().source(source.sourceId())
				.orElseThrow(() -> new CliException(NLS.bind(Messages.Campaign_sourceMissing, source.sourceId())));
		if (descriptor.accountKind() != null) {
			Services.SignIn signIn = services.signIn();
			if (signIn == null) {
				throw new CliException(Messages.Campaign_noMicrosoft365);
			}
			signIn.signIn(prompt); // the address book of the signed-in account, or of a mailbox it may read
		} else if (!Files.isRegularFile(Path.of(source.location()))) {
			throw new CliException(NLS.bind(Messages.Campaign_fileMissing, source.location()));
		}
		try {
			return descriptor.create().load(source, monitor);
		} catch (SourceException | CoreException e) {
			throw new CliException(NLS.bind(Messages.Campaign_loadFailed, source.location(), e.getMessage()));
		}
	}
}
