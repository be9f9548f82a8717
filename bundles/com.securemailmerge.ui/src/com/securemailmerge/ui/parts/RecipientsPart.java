package com.securemailmerge.ui.parts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.recipients.SourceException;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.RecipientView;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.model.CampaignSettings;
import org.eclipse.e4.ui.di.UIEventTopic;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The address book: pick a file (dialog or drag and drop), load it in a Job that can be cancelled,
 * and work with the recipients in a virtual table: sort by column, search over all fields, include
 * or exclude rows, choose the e-mail column. The loaded list goes into the application context so
 * the other parts see it.
 */
public final class RecipientsPart {

	@Inject
	private RecipientSourceRegistry registry;
	@Inject
	private UISynchronize sync;
	@Inject
	private IEventBroker events;
	@Inject
	private MApplication application;
	@Inject
	private ESelectionService selection;

	private Label hint;
	private Table table;
	private Text search;
	private Combo emailColumn;
	private Label count;
	private @Nullable Composite busy;
	private @Nullable RecipientView view;
	private @Nullable Job loading;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
		Button open = new Button(parent, SWT.PUSH);
		open.setText(Messages.RecipientsPart_open);
		open.addListener(SWT.Selection, e -> chooseFile(parent));
		List<RecipientSourceDescriptor> accounts = registry.sources().stream().filter(d -> d.accountKind() != null).toList();
		Button account = new Button(parent, SWT.PUSH);
		account.setText(Messages.RecipientsPart_account);
		account.addListener(SWT.Selection, e -> showAccountMenu(account, accounts));
		GridDataFactory.fillDefaults().exclude(accounts.isEmpty()).applyTo(account);
		account.setVisible(!accounts.isEmpty());
		search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage(Messages.RecipientsPart_search);
		GridDataFactory.fillDefaults().grab(true, false).span(accounts.isEmpty() ? 2 : 1, 1).applyTo(search);
		search.addListener(SWT.Modify, e -> parent.getDisplay().timerExec(250, this::applySearch));
		hint = Hint.create(parent, Messages.RecipientsPart_empty);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(200, SWT.DEFAULT).applyTo(hint);
		table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.CHECK);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Selection, e -> {
			if (e.detail == SWT.CHECK) {
				TableItem item = (TableItem) e.item;
				setIncluded(new int[] { table.indexOf(item) }, item.getChecked());
			} else {
				selected().ifPresent(this::announce);
			}
		});
		// the context menu is made when first asked for, like the progress bar of a load
		table.addListener(SWT.MenuDetect, e -> {
			if (table.getMenu() == null) {
				table.setMenu(menu());
			}
		});
		Label emailLabel = new Label(parent, SWT.NONE);
		emailLabel.setText(Messages.RecipientsPart_emailColumn);
		emailColumn = new Combo(parent, SWT.READ_ONLY);
		emailColumn.addListener(SWT.Selection, e -> chooseEmailColumn());
		new Label(parent, SWT.NONE); // keeps the combo in the middle column
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(count);
		updateCount();
		DropTarget drop = new DropTarget(parent, DND.DROP_COPY | DND.DROP_DEFAULT);
		drop.setTransfer(new Transfer[] { FileTransfer.getInstance() });
		drop.addDropListener(new DropTargetAdapter() {
			@Override
			@NonNullByDefault({})
			public void dragEnter(DropTargetEvent event) {
				event.detail = DND.DROP_COPY;
			}

			@Override
			@NonNullByDefault({})
			public void drop(DropTargetEvent event) {
				if (event.data instanceof String[] files && files.length > 0) {
					load(Path.of(files[0]));
				}
			}
		});
	}

	/** The account sources (Outlook contacts, a shared mailbox's contacts) as a drop-down menu. */
	private void showAccountMenu(Button anchor, List<RecipientSourceDescriptor> accounts) {
		Menu menu = new Menu(anchor);
		for (RecipientSourceDescriptor descriptor : accounts) {
			item(menu, descriptor.label(), () -> {
				if ("microsoft365-shared".equals(descriptor.accountKind())) { //$NON-NLS-1$
					org.eclipse.core.runtime.preferences.IEclipsePreferences preferences = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
							.getNode("com.securemailmerge.ui"); //$NON-NLS-1$
					org.eclipse.jface.dialogs.InputDialog ask = new org.eclipse.jface.dialogs.InputDialog(table.getShell(),
							descriptor.label(), Messages.RecipientsPart_sharedMailbox, preferences.get("sharedMailbox", ""), //$NON-NLS-1$ //$NON-NLS-2$
							text -> text.contains("@") ? null : Messages.RecipientsPart_sharedMailboxInvalid); //$NON-NLS-1$
					if (ask.open() == org.eclipse.jface.window.Window.OK) {
						preferences.put("sharedMailbox", ask.getValue().strip()); //$NON-NLS-1$
						loadAccount(descriptor.id(), ask.getValue().strip());
					}
				} else {
					loadAccount(descriptor.id(), "me"); //$NON-NLS-1$
				}
			});
		}
		menu.setLocation(anchor.toDisplay(0, anchor.getSize().y));
		menu.setVisible(true);
	}

	/** Loads an account source ("me", or a shared mailbox's address) in a Job the user can cancel. */
	public void loadAccount(String sourceId, String location) {
		Optional<RecipientSourceDescriptor> descriptor = registry.sources().stream().filter(d -> d.id().equals(sourceId))
				.findFirst();
		if (descriptor.isPresent()) {
			start(descriptor.get(), SourceReference.account(sourceId, location), location, null);
		}
	}

	private Menu menu() {
		Menu menu = new Menu(table);
		item(menu, Messages.RecipientsPart_include, () -> setIncluded(table.getSelectionIndices(), true));
		item(menu, Messages.RecipientsPart_exclude, () -> setIncluded(table.getSelectionIndices(), false));
		new MenuItem(menu, SWT.SEPARATOR);
		item(menu, Messages.RecipientsPart_includeAll, () -> setIncluded(allRows(), true));
		item(menu, Messages.RecipientsPart_excludeAll, () -> setIncluded(allRows(), false));
		return menu;
	}

	private static void item(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, e -> action.run());
	}

	private int[] allRows() {
		RecipientView current = view;
		return current == null ? new int[0] : java.util.stream.IntStream.range(0, current.rows().size()).toArray();
	}

	private void chooseFile(Composite parent) {
		FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
		List<String> extensions = registry.sources().stream().flatMap(s -> s.fileExtensions().stream()).toList();
		dialog.setFilterExtensions(new String[] {
				String.join(";", extensions.stream().map(x -> "*." + x).toList()), "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String file = dialog.open();
		if (file != null) {
			load(Path.of(file));
		}
	}

	/** Loads the file with the source that reads its type, in a Job the user can cancel. */
	public void load(Path file) {
		load(file, java.util.Map.of(), null);
	}

	/**
	 * Loads a file with the given source options; with campaign settings (a campaign being opened)
	 * its e-mail column and excluded recipients are applied, otherwise the file becomes the
	 * campaign's source.
	 */
	private void load(Path file, java.util.Map<String, String> options, @Nullable CampaignSettings settings) {
		Optional<RecipientSourceDescriptor> descriptor = registry.forFile(file.getFileName().toString());
		if (descriptor.isEmpty()) {
			MessageDialog.openError(table.getShell(), Messages.RecipientsPart_loadFailed,
					NLS.bind(Messages.RecipientsPart_noSource, file.getFileName()));
			return;
		}
		start(descriptor.get(), new SourceReference(descriptor.get().id(), file.toString(), options),
				String.valueOf(file.getFileName()), settings);
	}

	private void start(RecipientSourceDescriptor descriptor, SourceReference reference, String name,
			@Nullable CampaignSettings settings) {
		Job previous = loading;
		if (previous != null) {
			previous.cancel();
		}
		Job job = Job.create(NLS.bind(Messages.RecipientsPart_loading, name), monitor -> {
			return read(descriptor, reference, settings, monitor);
		});
		job.setUser(true);
		job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			@NonNullByDefault({})
			public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				sync.asyncExec(() -> showBusy(false));
			}
		});
		loading = job;
		showBusy(true);
		job.schedule();
	}

	private @Nullable CampaignState state() {
		return application.getContext().get(CampaignState.class);
	}

	private void rememberSettings() {
		RecipientView current = view;
		CampaignState state = state();
		if (current == null || state == null) {
			return;
		}
		RecipientList list = current.list();
		java.util.Set<com.securemailmerge.model.RecipientKey> excluded = list.recipients().stream()
				.filter(r -> !r.included()).map(Recipient::key).collect(java.util.stream.Collectors.toSet());
		state.edit(c -> c.withSettings(c.settings().withEmailField(list.emailField()).withExcluded(excluded)));
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void campaignOpened(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState state) {
		if (table == null || table.isDisposed()) {
			return;
		}
		SourceReference source = state.campaign().source();
		if (source.location().isBlank()) {
			view = null;
			application.getContext().remove(RecipientList.class);
			refreshTable();
			return;
		}
		if (source.isAccount()) {
			loadAccount(source.sourceId(), source.location());
			return;
		}
		Path file = Path.of(source.location());
		if (!java.nio.file.Files.isRegularFile(file)) {
			MessageDialog.openWarning(table.getShell(), Messages.RecipientsPart_loadFailed,
					NLS.bind(Messages.RecipientsPart_sourceMissing, file));
			return;
		}
		load(file, source.options(), state.campaign().settings());
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void filterByCategories(@UIEventTopic(Topics.CATEGORY_FILTER) com.securemailmerge.ui.internal.CategoryFilter filter) {
		RecipientView current = view;
		if (current != null && table != null && !table.isDisposed()) {
			current.setCategoryFilter(filter);
			refreshTable();
		}
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void step(@UIEventTopic(Topics.STEP_RECIPIENT) Integer delta) {
		RecipientView current = view;
		if (current == null || current.rows().isEmpty()) {
			return;
		}
		int index = Math.max(0, Math.min(current.rows().size() - 1, table.getSelectionIndex() + delta.intValue()));
		select(index);
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void showRecipient(@UIEventTopic(Topics.SHOW_RECIPIENT) com.securemailmerge.model.RecipientKey key) {
		RecipientView current = view;
		if (current == null) {
			return;
		}
		int index = indexOf(current, key);
		if (index < 0 && !search.getText().isEmpty()) {
			search.setText(""); //$NON-NLS-1$
			current.setSearch(""); //$NON-NLS-1$
			refreshTable();
			index = indexOf(current, key);
		}
		if (index >= 0) {
			select(index);
			table.setFocus();
		}
	}

	private static int indexOf(RecipientView view, com.securemailmerge.model.RecipientKey key) {
		List<Recipient> rows = view.rows();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).key().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private void select(int index) {
		table.setSelection(index);
		table.showSelection();
		selected().ifPresent(this::announce);
	}

	private void announce(Recipient recipient) {
		selection.setSelection(recipient);
		events.send(Topics.RECIPIENT_SELECTED, recipient);
	}

	private void showBusy(boolean show) {
		Composite current = busy;
		if (current == null) {
			if (!show || hint.isDisposed()) {
				return;
			}
			current = createBusy(hint.getParent());
			current.moveAbove(hint);
			busy = current;
		}
		if (current.isDisposed()) {
			return;
		}
		current.setVisible(show);
		((org.eclipse.swt.layout.GridData) current.getLayoutData()).exclude = !show;
		current.getParent().layout(true);
	}

	/** A progress bar and Cancel; made on the first load (an indeterminate bar animates even while hidden). */
	private Composite createBusy(Composite parent) {
		Composite created = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(created);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).exclude(true).applyTo(created);
		org.eclipse.swt.widgets.ProgressBar bar = new org.eclipse.swt.widgets.ProgressBar(created, SWT.INDETERMINATE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		Button cancel = new Button(created, SWT.PUSH);
		cancel.setText(Messages.RecipientsPart_cancel);
		cancel.addListener(SWT.Selection, e -> {
			Job running = loading;
			if (running != null) {
				running.cancel();
			}
		});
		return created;
	}

	/** True while a file is being loaded. */
	public boolean isLoading() {
		Job job = loading;
		return job != null && job.getState() != Job.NONE;
	}

	private IStatus read(RecipientSourceDescriptor descriptor, SourceReference reference,
			@Nullable CampaignSettings settings, IProgressMonitor monitor) {
		try {
			LoadResult loaded = descriptor.create().load(reference, monitor);
			LoadResult result = settings == null ? loaded : loaded.withSettings(settings);
			sync.asyncExec(() -> {
				show(result);
				CampaignState state = state();
				if (settings == null && state != null) {
					RecipientList list = result.recipients();
					state.edit(c -> c.withSource(reference).withSettings(
							c.settings().withEmailField(list.emailField()).withExcluded(java.util.Set.of())));
				}
			});
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (SourceException | CoreException e) {
			sync.asyncExec(() -> {
				if (!table.isDisposed()) {
					MessageDialog.openError(table.getShell(), Messages.RecipientsPart_loadFailed, e.getMessage());
				}
			});
			return Status.OK_STATUS; // told the user already
		}
	}

	private void show(LoadResult result) {
		if (table.isDisposed()) {
			return;
		}
		RecipientList list = result.recipients();
		RecipientView current = new RecipientView(list);
		view = current;
		table.setRedraw(false);
		try {
			for (TableColumn column : table.getColumns()) {
				column.dispose();
			}
			for (Field field : list.fields()) {
				TableColumn column = new TableColumn(table, SWT.LEFT);
				column.setText(field.name());
				column.setWidth(140);
				column.setMoveable(true);
				column.addListener(SWT.Selection, e -> sort(column, field.name()));
			}
			emailColumn.setItems(list.fields().stream().map(Field::name).toArray(String[]::new));
			emailColumn.setText(list.emailField() == null ? "" : list.emailField()); //$NON-NLS-1$
			search.setText(""); //$NON-NLS-1$
			refreshTable();
		} finally {
			table.setRedraw(true);
		}
		hint.setText(NLS.bind(Messages.RecipientsPart_loaded, where(list.source())));
		hint.getParent().layout(true);
		publish(result);
	}

	/** A file's path; for an account source its label, and the shared mailbox's address. */
	private String where(SourceReference source) {
		if (!source.isAccount()) {
			return source.location();
		}
		String label = registry.sources().stream().filter(d -> d.id().equals(source.sourceId()))
				.map(RecipientSourceDescriptor::label).findFirst().orElse(source.sourceId());
		return source.location().equals("me") ? label : label + ": " + source.location(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void publish(LoadResult result) {
		RecipientView current = view;
		if (current != null) {
			application.getContext().set(RecipientList.class, current.list());
		}
		events.post(Topics.RECIPIENTS_LOADED, result);
	}

	private void sort(TableColumn column, String field) {
		RecipientView current = view;
		if (current == null) {
			return;
		}
		current.sortBy(field);
		table.setSortColumn(column);
		table.setSortDirection(current.ascending() ? SWT.UP : SWT.DOWN);
		refreshTable();
	}

	private void applySearch() {
		RecipientView current = view;
		if (current != null && !search.isDisposed()) {
			current.setSearch(search.getText());
			refreshTable();
		}
	}

	private void setIncluded(int[] rows, boolean include) {
		RecipientView current = view;
		if (current == null || rows.length == 0) {
			return;
		}
		current.setIncluded(current.keysOf(rows), include);
		table.clearAll();
		updateCount();
		application.getContext().set(RecipientList.class, current.list());
		rememberSettings();
	}

	private void chooseEmailColumn() {
		RecipientView current = view;
		if (current != null) {
			current.setEmailField(emailColumn.getText());
			application.getContext().set(RecipientList.class, current.list());
			rememberSettings();
		}
	}

	private void refreshTable() {
		RecipientView current = view;
		table.clearAll();
		table.setItemCount(current == null ? 0 : current.rows().size());
		updateCount();
	}

	private void fill(TableItem item, int index) {
		RecipientView current = view;
		if (current == null || index >= current.rows().size()) {
			return;
		}
		Recipient recipient = current.rows().get(index);
		List<Field> fields = current.list().fields();
		String[] texts = new String[fields.size()];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = recipient.text(fields.get(i).name());
		}
		item.setText(texts);
		item.setChecked(recipient.included());
		item.setData(recipient);
	}

	private Optional<Recipient> selected() {
		RecipientView current = view;
		int index = table.getSelectionIndex();
		return current == null || index < 0 || index >= current.rows().size() ? Optional.empty()
				: Optional.of(current.rows().get(index));
	}

	private void updateCount() {
		RecipientView current = view;
		int total = current == null ? 0 : current.list().recipients().size();
		int included = current == null ? 0 : current.includedCount();
		int shown = current == null ? 0 : current.rows().size();
		count.setText(shown == total ? NLS.bind(Messages.RecipientsPart_count, included, total)
				: NLS.bind(Messages.RecipientsPart_countFiltered, new Object[] { included, total, shown }));
		count.getParent().layout(new org.eclipse.swt.widgets.Control[] { count });
	}

	/** For tests: the address book table. */
	public Table table() {
		return table;
	}

	/** For tests and the campaign: the current view, if a list is loaded. */
	public Optional<RecipientView> view() {
		return Optional.ofNullable(view);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		table.setFocus();
	}
}
