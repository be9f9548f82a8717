package com.securemailmerge.recipients.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.RecipientSourceRegistry;

/**
 * Reads the {@code recipientSources} extension point on first use and again after bundles that
 * contribute to it come or go (an Excel source installed from the update site appears without a
 * restart of this service). A broken contribution is logged and skipped.
 */
@Component(service = RecipientSourceRegistry.class)
public final class ExtensionRecipientSourceRegistry implements RecipientSourceRegistry, IRegistryEventListener {

	private final IExtensionRegistry registry;
	private final ILog log = ILog.of(ExtensionRecipientSourceRegistry.class);
	private @Nullable List<RecipientSourceDescriptor> sources;
	private boolean listening;

	@Activate
	public ExtensionRecipientSourceRegistry(@Reference IExtensionRegistry registry) {
		this.registry = registry;
	}

	@Deactivate
	synchronized void stopListening() {
		if (listening) {
			registry.removeListener(this);
			listening = false;
		}
	}

	@Override
	public synchronized List<RecipientSourceDescriptor> sources() {
		List<RecipientSourceDescriptor> read = sources;
		if (read == null) {
			if (!listening) {
				registry.addListener(this, EXTENSION_POINT);
				listening = true;
			}
			read = read();
			sources = read;
		}
		return read;
	}

	@Override
	public Optional<RecipientSourceDescriptor> source(String id) {
		return sources().stream().filter(s -> s.id().equals(id)).findFirst();
	}

	private List<RecipientSourceDescriptor> read() {
		List<RecipientSourceDescriptor> read = new ArrayList<>();
		IExtensionPoint point = registry.getExtensionPoint(EXTENSION_POINT);
		if (point == null) {
			return List.of();
		}
		for (IConfigurationElement element : point.getConfigurationElements()) {
			if (!"source".equals(element.getName())) { //$NON-NLS-1$
				continue;
			}
			try {
				ContributedSource source = ContributedSource.read(element);
				if (read.stream().anyMatch(s -> s.id().equals(source.id()))) {
					throw new IllegalArgumentException("the id '" + source.id() + "' is taken"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				read.add(source);
			} catch (RuntimeException e) {
				log.log(ContributedSource.broken(element, e));
			}
		}
		read.sort(Comparator.comparing((RecipientSourceDescriptor s) -> sortKey(s.label())).thenComparing(RecipientSourceDescriptor::label));
		return List.copyOf(read);
	}

	/**
	 * The label without accents and case, so that "Ä" sorts with "A": a handful of labels need no
	 * Collator (whose rule tables took 15 ms to build while the workbench window was being shown).
	 */
	static String sortKey(String label) {
		String decomposed = Normalizer.normalize(label, Normalizer.Form.NFD);
		StringBuilder key = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) != Character.NON_SPACING_MARK) {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString();
	}

	private synchronized void forget() {
		sources = null;
	}

	@Override
	@NonNullByDefault({}) // the registry's interface carries no null annotations
	public void added(IExtension[] extensions) {
		forget();
	}

	@Override
	@NonNullByDefault({}) // the registry's interface carries no null annotations
	public void removed(IExtension[] extensions) {
		forget();
	}

	@Override
	@NonNullByDefault({}) // the registry's interface carries no null annotations
	public void added(IExtensionPoint[] extensionPoints) {
		forget();
	}

	@Override
	@NonNullByDefault({}) // the registry's interface carries no null annotations
	public void removed(IExtensionPoint[] extensionPoints) {
		forget();
	}
}
