package com.securemailmerge.mime;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.handlers.text_plain;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Jakarta Mail and Activation look for their implementations, mailcap files and content handlers
 * through the context class loader, which in OSGi sees neither Angus bundle. While a message is
 * built or written, the context class loader is this one: it sees Angus Mail and Angus Activation.
 */
@NonNullByDefault({}) // overrides of java.lang.ClassLoader, which carries no null annotations
final class MailClassLoader extends ClassLoader {

	static final MailClassLoader INSTANCE = new MailClassLoader();

	private final List<ClassLoader> loaders = List.of(text_plain.class.getClassLoader(),
			MailcapRegistryProviderImpl.class.getClassLoader());

	private MailClassLoader() {
		super(null);
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		for (ClassLoader loader : loaders) {
			try {
				return loader.loadClass(name);
			} catch (ClassNotFoundException e) {
				// try the next bundle
			}
		}
		throw new ClassNotFoundException(name);
	}

	@Override
	protected URL findResource(String name) {
		for (ClassLoader loader : loaders) {
			URL url = loader.getResource(name);
			if (url != null) {
				return url;
			}
		}
		return null;
	}

	@Override
	protected Enumeration<URL> findResources(String name) throws IOException {
		List<URL> all = new ArrayList<>();
		for (ClassLoader loader : loaders) {
			all.addAll(Collections.list(loader.getResources(name)));
		}
		return Collections.enumeration(all);
	}
}
