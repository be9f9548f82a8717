package com.securemailmerge.recipients.internal;

import java.net.URL;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;

import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.RecipientSourceDescriptor;

/**
 * One {@code source} element of the extension point: id, label, icon and file types are read when
 * the descriptor is made; the class only when {@link #create()} is first called.
 */
final class ContributedSource implements RecipientSourceDescriptor {

	private final IConfigurationElement element;
	private final String id;
	private final String label;
	private final @Nullable URL icon;
	private final List<String> fileExtensions;
	private final @Nullable String accountKind;
	private @Nullable RecipientSource instance;

	private ContributedSource(IConfigurationElement element, String id, String label, @Nullable URL icon,
			List<String> fileExtensions, @Nullable String accountKind) {
		this.element = element;
		this.id = id;
		this.label = label;
		this.icon = icon;
		this.fileExtensions = fileExtensions;
		this.accountKind = accountKind;
	}

	/** Reads the element; throws IllegalArgumentException naming what is missing. */
	static ContributedSource read(IConfigurationElement element) {
		String id = required(element, "id"); //$NON-NLS-1$
		String label = required(element, "label"); //$NON-NLS-1$
		required(element, "class"); //$NON-NLS-1$
		List<String> extensions = java.util.Arrays.stream(element.getChildren("fileType")) //$NON-NLS-1$
				.map(e -> required(e, "extension").toLowerCase(Locale.ROOT)).toList(); //$NON-NLS-1$
		return new ContributedSource(element, id, label, icon(element), extensions,
				element.getAttribute("accountKind")); //$NON-NLS-1$
	}

	private static String required(IConfigurationElement element, String attribute) {
		String value = element.getAttribute(attribute);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing attribute '" + attribute + "' on <" + element.getName() + ">"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return value;
	}

	private static @Nullable URL icon(IConfigurationElement element) {
		String path = element.getAttribute("icon"); //$NON-NLS-1$
		Bundle bundle = Platform.getBundle(element.getContributor().getName());
		if (path == null || bundle == null) {
			return null;
		}
		return FileLocator.find(bundle, new org.eclipse.core.runtime.Path(path));
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public @Nullable URL icon() {
		return icon;
	}

	@Override
	public List<String> fileExtensions() {
		return fileExtensions;
	}

	@Override
	public @Nullable String accountKind() {
		return accountKind;
	}

	@Override
	public synchronized RecipientSource create() throws CoreException {
		RecipientSource created = instance;
		if (created == null) {
			Object object = element.createExecutableExtension("class"); //$NON-NLS-1$
			if (!(object instanceof RecipientSource source)) {
				throw new CoreException(Status.error(NLS.bind(Messages.Registry_cannotCreate, label)
						+ " (" + object.getClass().getName() + " is not a RecipientSource)")); //$NON-NLS-1$ //$NON-NLS-2$
			}
			created = source;
			instance = created;
		}
		return created;
	}

	boolean isCreated() {
		return instance != null;
	}

	String contributor() {
		return element.getContributor().getName();
	}

	static IStatus broken(IConfigurationElement element, Exception e) {
		return Status.warning(NLS.bind(Messages.Registry_brokenContribution, element.getContributor().getName(),
				e.getMessage()), e);
	}
}
