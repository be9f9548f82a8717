package com.securemailmerge.ui.p2.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IAgentLocation;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.eclipse.osgi.util.NLS;

/**
 * Update sites through the running p2 agent: load a site and list its features, install some of
 * them into this installation's profile ({@link IProfileRegistry#SELF}), and list what is
 * installed. Blocking calls for Jobs; no UI: content that is not signed is put to the
 * {@link UnsignedContentPrompt}.
 */
public final class UpdateSites {

	private static final Comparator<FeatureInfo> BY_NAME = Comparator
			.comparing(FeatureInfo::name, String.CASE_INSENSITIVE_ORDER).thenComparing(FeatureInfo::id);

	private final IProvisioningAgent agent;
	private final UnsignedContentPrompt prompt;

	/** Declines content that is not signed. */
	public UpdateSites(IProvisioningAgent agent) {
		this(agent, UnsignedContentPrompt.DECLINE);
	}

	public UpdateSites(IProvisioningAgent agent, UnsignedContentPrompt prompt) {
		this.agent = agent;
		this.prompt = prompt;
	}

	/** The sites loaded before (p2 remembers them), for the user to pick again. */
	public List<URI> knownSites() {
		IMetadataRepositoryManager manager = agent.getService(IMetadataRepositoryManager.class);
		return manager == null ? List.of() : List.of(manager.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM));
	}

	/**
	 * The features a site offers, latest version of each, by name: those in its categories (what
	 * its publisher lists; the features they include come with them), or every feature of a site
	 * without categories.
	 *
	 * @throws CoreException with a message naming the site when it cannot be loaded
	 */
	public List<FeatureInfo> load(URI site, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.UpdateSites_loading, site), 10);
		IMetadataRepository repository = metadata(site, progress.split(8));
		Set<IInstallableUnit> categories = repository.query(QueryUtil.createIUCategoryQuery(), progress.split(1)).toSet();
		if (categories.isEmpty()) {
			return features(repository, progress.split(1));
		}
		Set<IInstallableUnit> offered = new HashSet<>();
		for (IInstallableUnit category : categories) {
			offered.addAll(repository.query(QueryUtil.createIUCategoryMemberQuery(category), new NullProgressMonitor()).toSet());
		}
		return latestGroups(repository, progress.split(1)).stream().filter(offered::contains).map(FeatureInfo::of)
				.sorted(BY_NAME).toList();
	}

	/**
	 * The features installed in this installation, by name.
	 *
	 * @throws CoreException when there is no p2 profile (a development or test runtime)
	 */
	public List<FeatureInfo> installed() throws CoreException {
		return features(profile(), new NullProgressMonitor());
	}

	/** OK when software can be installed here; otherwise an error that says why not. */
	public IStatus profileStatus() {
		try {
			profile();
			return Status.OK_STATUS;
		} catch (CoreException e) {
			return e.getStatus();
		}
	}

	/**
	 * Installs the features with those ids (as listed by {@link #load}) from the site. Never throws:
	 * problems come back as an error status with a message naming the cause.
	 */
	public InstallResult install(URI site, List<String> featureIds, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.UpdateSites_installing, site), 100);
		if (featureIds.isEmpty()) {
			return InstallResult.failed(Sites.error(Messages.UpdateSites_nothingSelected, 0));
		}
		try {
			profile();
			IMetadataRepository repository = metadata(site, progress.split(10));
			artifacts(site, progress.split(5));
			InstallOperation operation = new InstallOperation(new ProvisioningSession(agent),
					units(repository, site, featureIds, progress.split(5)));
			operation.setProvisioningContext(context(site));
			IStatus resolution = operation.resolveModal(progress.split(20));
			if (resolution.getSeverity() == IStatus.CANCEL) {
				return InstallResult.failed(Status.CANCEL_STATUS);
			}
			ProvisioningJob job = resolution.getSeverity() == IStatus.ERROR ? null
					: operation.getProvisioningJob(progress.newChild(0));
			if (job == null) {
				String details = operation.getResolutionDetails();
				return InstallResult.failed(Sites.error(NLS.bind(Messages.UpdateSites_cannotResolve,
						details == null || details.isBlank() ? Sites.detail(resolution) : details), 0, resolution));
			}
			return run(job, progress.split(60));
		} catch (CoreException e) {
			return InstallResult.failed(e.getStatus());
		} catch (OperationCanceledException e) {
			return InstallResult.failed(Status.CANCEL_STATUS);
		}
	}

	/** Runs the profile change with our question about unsigned content in place. */
	private InstallResult run(ProvisioningJob job, IProgressMonitor monitor) {
		TrustQuestion trust = new TrustQuestion(prompt);
		Object previous = agent.getService(UIServices.SERVICE_NAME);
		agent.registerService(UIServices.SERVICE_NAME, trust);
		IStatus result;
		try {
			result = job.runModal(monitor);
		} finally {
			agent.unregisterService(UIServices.SERVICE_NAME, trust);
			if (previous != null) {
				agent.registerService(UIServices.SERVICE_NAME, previous);
			}
		}
		if (trust.declined() && !result.isOK()) {
			// p2 ends a declined installation as cancelled: the user is told why nothing happened
			return InstallResult.failed(Sites.error(Messages.UpdateSites_unsignedRejected, 0, result));
		}
		if (result.getSeverity() == IStatus.CANCEL) {
			return InstallResult.failed(result);
		}
		if (result.getSeverity() == IStatus.ERROR) {
			return InstallResult.failed(Sites.error(NLS.bind(Messages.UpdateSites_installFailed, Sites.detail(result)), 0, result));
		}
		return new InstallResult(result, job.getRestartPolicy() != ProvisioningJob.RESTART_NONE);
	}

	private List<IInstallableUnit> units(IMetadataRepository repository, URI site, List<String> featureIds,
			IProgressMonitor monitor) throws CoreException {
		List<IInstallableUnit> groups = latestGroups(repository, monitor);
		List<IInstallableUnit> units = new ArrayList<>();
		for (String id : featureIds) {
			units.add(groups.stream().filter(unit -> FeatureInfo.isUnit(id, unit)).findFirst().orElseThrow(
					() -> new CoreException(Sites.error(NLS.bind(Messages.UpdateSites_missingFeature, site, id), 0))));
		}
		return units;
	}

	/** Only the site itself: no other known site is asked for what it offers. */
	private ProvisioningContext context(URI site) {
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setMetadataRepositories(site);
		context.setArtifactRepositories(site);
		return context;
	}

	private IMetadataRepository metadata(URI site, IProgressMonitor monitor) throws CoreException {
		try {
			return service(IMetadataRepositoryManager.class).loadRepository(site, monitor);
		} catch (ProvisionException e) {
			throw Sites.loadProblem(site, e);
		}
	}

	private void artifacts(URI site, IProgressMonitor monitor) throws CoreException {
		try {
			service(IArtifactRepositoryManager.class).loadRepository(site, monitor);
		} catch (ProvisionException e) {
			throw Sites.loadProblem(site, e);
		}
	}

	private IProfile profile() throws CoreException {
		IProfile profile = service(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
		if (profile == null) {
			IAgentLocation location = agent.getService(IAgentLocation.class);
			throw new CoreException(Sites.error(NLS.bind(Messages.UpdateSites_noProfile,
					location == null ? "-" : location.getRootLocation()), 0)); //$NON-NLS-1$
		}
		return profile;
	}

	private <T> T service(Class<T> type) throws CoreException {
		T service = agent.getService(type);
		if (service == null) {
			throw new CoreException(Sites.error(NLS.bind(Messages.UpdateSites_noService, type.getSimpleName()), 0));
		}
		return service;
	}

	private static List<FeatureInfo> features(IQueryable<IInstallableUnit> units, IProgressMonitor monitor) {
		return latestGroups(units, monitor).stream().map(FeatureInfo::of).sorted(BY_NAME).toList();
	}

	private static List<IInstallableUnit> latestGroups(IQueryable<IInstallableUnit> units, IProgressMonitor monitor) {
		return List.copyOf(units.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor).toSet());
	}
}
