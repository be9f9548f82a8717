package com.securemailmerge.ui.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.e4.core.di.extensions.Preference;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.ui.internal.AccountSourceButton;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.CategoryFilter;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.RecipientBook;
import com.securemailmerge.ui.internal.RecipientFiles;
import com.securemailmerge.ui.internal.RecipientLoading;
import com.securemailmerge.ui.internal.RecipientPublisher;
import com.securemailmerge.ui.internal.RecipientView;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The address book: a file (dialog or drag and drop) or an account source read by
 * {@link RecipientLoading}, shown and worked with in a {@link RecipientBook}. The context menu is
 * the model's popup menu; the loaded list goes into the application context for the other parts.
 */
public final class RecipientsPart {

	static final String POPUP = "com.securemailmerge.ui.popup.recipients"; //$NON-NLS-1$

	@Inject
	private RecipientSourceRegistry registry;
	@Inject
	private MApplication application;
	@Inject
	private RecipientLoading loading;
	@Inject
	@Preference(nodePath = "com.securemailmerge.ui")
	private IEclipsePreferences preferences;

	private RecipientBook book;

	@PostConstruct
	void createControls(Composite parent, EMenuService menus, RecipientPublisher publisher) {
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
		RecipientFiles files = new RecipientFiles(registry);
		Button open = new Button(parent, SWT.PUSH);
		open.setText(Messages.RecipientsPart_open);
		open.addListener(SWT.Selection, e -> files.choose(parent.getShell()).ifPresent(this::load));
		AccountSourceButton account = new AccountSourceButton(parent, registry.sources(), preferences, this::loadAccount);
		Text search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage(Messages.RecipientsPart_search);
		GridDataFactory.fillDefaults().grab(true, false).span(account.isShown() ? 1 : 2, 1).applyTo(search);
		book = new RecipientBook(parent, search, publisher, loading::cancel);
		menus.registerContextMenu(book.table(), POPUP);
		files.dropOnto(parent, this::load);
	}

	/** Loads an account source ("me", or a shared mailbox's address) in a Job the user can cancel. */
	public void loadAccount(String sourceId, String location) {
		registry.sources().stream().filter(d -> d.id().equals(sourceId)).findFirst().ifPresent(
				descriptor -> start(descriptor, SourceReference.account(sourceId, location), location, null));
	}

	/** Loads the file with the source that reads its type, in a Job the user can cancel. */
	public void load(Path file) {
		load(file, Map.of(), null);
	}

	private void load(Path file, Map<String, String> options, @Nullable CampaignSettings settings) {
		Optional<RecipientSourceDescriptor> descriptor = registry.forFile(file.getFileName().toString());
		if (descriptor.isEmpty()) {
			MessageDialog.openError(book.table().getShell(), Messages.RecipientsPart_loadFailed,
					NLS.bind(Messages.RecipientsPart_noSource, file.getFileName()));
			return;
		}
		start(descriptor.get(), new SourceReference(descriptor.get().id(), file.toString(), options),
				String.valueOf(file.getFileName()), settings);
	}

	private void start(RecipientSourceDescriptor descriptor, SourceReference reference, String name,
			@Nullable CampaignSettings settings) {
		loading.start(descriptor, reference, name, settings, book.outcome(result -> loaded(reference, settings, result)));
	}

	/** A file read for a campaign being opened keeps its settings; otherwise it becomes the campaign's source. */
	private void loaded(SourceReference reference, @Nullable CampaignSettings settings, LoadResult result) {
		book.show(result, where(reference));
		CampaignState state = application.getContext().get(CampaignState.class);
		if (settings == null && state != null) {
			RecipientList list = result.recipients();
			state.edit(c -> c.withSource(reference)
					.withSettings(c.settings().withEmailField(list.emailField()).withExcluded(java.util.Set.of())));
		}
	}

	/** A file's path; for an account source its label, and the shared mailbox's address. */
	private String where(SourceReference source) {
		if (!source.isAccount()) {
			return source.location();
		}
		String label = registry.sources().stream().filter(d -> d.id().equals(source.sourceId()))
				.map(RecipientSourceDescriptor::label).findFirst().orElse(source.sourceId());
		return source.location().equals(AccountSourceButton.ME) ? label : label + ": " + source.location(); //$NON-NLS-1$
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void campaignOpened(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState state) {
		if (book == null || book.table().isDisposed()) {
			return;
		}
		SourceReference source = state.campaign().source();
		if (source.location().isBlank()) {
			book.clear();
		} else if (source.isAccount()) {
			loadAccount(source.sourceId(), source.location());
		} else if (!Files.isRegularFile(Path.of(source.location()))) {
			MessageDialog.openWarning(book.table().getShell(), Messages.RecipientsPart_loadFailed,
					NLS.bind(Messages.RecipientsPart_sourceMissing, source.location()));
		} else {
			load(Path.of(source.location()), source.options(), state.campaign().settings());
		}
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void filterByCategories(@UIEventTopic(Topics.CATEGORY_FILTER) CategoryFilter filter) {
		if (book != null) {
			book.filter(filter);
		}
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void step(@UIEventTopic(Topics.STEP_RECIPIENT) Integer delta) {
		if (book != null) {
			book.step(delta.intValue());
		}
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void showRecipient(@UIEventTopic(Topics.SHOW_RECIPIENT) RecipientKey key) {
		if (book != null) {
			book.reveal(key);
		}
	}

	/** The context menu's commands: the selected rows, or all rows shown. */
	public void setIncluded(boolean shown, boolean include) {
		book.setIncluded(shown, include);
	}

	/** The recipients of the selected rows (the context menu's opt-out). */
	public java.util.List<com.securemailmerge.model.Recipient> selectedRecipients() {
		return book == null ? java.util.List.of() : book.selected();
	}

	/** True while a file is being loaded. */
	public boolean isLoading() {
		return loading.isLoading();
	}

	/** For tests: the address book table. */
	public Table table() {
		return book.table();
	}

	/** For tests and the campaign: the current view, if a list is loaded. */
	public Optional<RecipientView> view() {
		return book == null ? Optional.empty() : book.view();
	}

	@Focus
	void setFocus() {
		book.table().setFocus();
	}
}
