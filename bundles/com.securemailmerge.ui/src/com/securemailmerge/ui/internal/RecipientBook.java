package com.securemailmerge.ui.internal;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.recipients.LoadResult;

/**
 * The address book's controls below its buttons, in a three-column grid: what was loaded, the
 * table, the e-mail column and the count. Search, category filter, include/exclude and the e-mail
 * column work on one {@link RecipientView}; every change is told through the
 * {@link RecipientPublisher}.
 */
public final class RecipientBook {

	private final Text search;
	private final RecipientPublisher publisher;
	private final Label hint;
	private final RecipientTable table;
	private final Combo emailColumn;
	private final Label count;
	private final BusyBar busy;
	private @Nullable RecipientView view;

	public RecipientBook(Composite parent, Text search, RecipientPublisher publisher, Runnable cancel) {
		this.search = search;
		this.publisher = publisher;
		search.addListener(SWT.Modify, e -> parent.getDisplay().timerExec(250, this::applySearch));
		hint = Hint.create(parent, Messages.RecipientsPart_empty);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(200, SWT.DEFAULT).applyTo(hint);
		table = new RecipientTable(parent, publisher::selected, this::setIncluded);
		busy = new BusyBar(hint, 3, cancel);
		Label emailLabel = new Label(parent, SWT.NONE);
		emailLabel.setText(Messages.RecipientsPart_emailColumn);
		emailColumn = new Combo(parent, SWT.READ_ONLY);
		emailColumn.addListener(SWT.Selection, e -> chooseEmailColumn());
		new Label(parent, SWT.NONE); // keeps the combo in the middle column
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(count);
		updateCount();
	}

	public Table table() {
		return table.widget();
	}

	public Optional<RecipientView> view() {
		RecipientView current = view;
		return current == null ? Optional.empty() : Optional.of(current);
	}

	/** What a load tells the address book: the list, a failure in a dialog, the busy bar. */
	public RecipientLoading.Outcome outcome(Consumer<LoadResult> loaded) {
		return new RecipientLoading.Outcome() {
			@Override
			public void loaded(LoadResult result) {
				if (!table().isDisposed()) {
					loaded.accept(result);
				}
			}

			@Override
			public void failed(String message) {
				if (!table().isDisposed()) {
					MessageDialog.openError(table().getShell(), Messages.RecipientsPart_loadFailed, message);
				}
			}

			@Override
			public void busy(boolean shown) {
				busy.show(shown);
			}
		};
	}

	/** A loaded list, from where (a file's path, an account's name). */
	public void show(LoadResult result, String where) {
		RecipientList list = result.recipients();
		RecipientView shown = new RecipientView(list);
		view = shown;
		table.show(shown);
		emailColumn.setItems(list.fields().stream().map(Field::name).toArray(String[]::new));
		emailColumn.setText(list.emailField() == null ? "" : list.emailField()); //$NON-NLS-1$
		search.setText(""); //$NON-NLS-1$
		updateCount();
		hint.setText(NLS.bind(Messages.RecipientsPart_loaded, where));
		hint.getParent().layout(true);
		publisher.loaded(result, list);
	}

	/** A campaign without recipients. */
	public void clear() {
		view = null;
		table.clear();
		updateCount();
		publisher.cleared();
	}

	public void filter(CategoryFilter filter) {
		RecipientView current = view;
		if (current != null && !table().isDisposed()) {
			current.setCategoryFilter(filter);
			refresh();
		}
	}

	public void step(int delta) {
		table.step(delta).ifPresent(publisher::selected);
	}

	/** Selects the recipient, clearing a search that hides it. */
	public void reveal(RecipientKey key) {
		RecipientView current = view;
		if (current == null) {
			return;
		}
		Optional<com.securemailmerge.model.Recipient> found = table.select(key);
		if (found.isEmpty() && !search.getText().isEmpty()) {
			search.setText(""); //$NON-NLS-1$
			current.setSearch(""); //$NON-NLS-1$
			refresh();
			found = table.select(key);
		}
		found.ifPresent(recipient -> {
			publisher.selected(recipient);
			table().setFocus();
		});
	}

	/** The recipients of the selected rows. */
	public java.util.List<com.securemailmerge.model.Recipient> selected() {
		RecipientView current = view;
		if (current == null) {
			return java.util.List.of();
		}
		java.util.List<com.securemailmerge.model.Recipient> rows = current.rows();
		return java.util.Arrays.stream(table.selectedRows()).filter(i -> i >= 0 && i < rows.size()).mapToObj(rows::get)
				.toList();
	}

	/** The selected rows or all rows shown. */
	public void setIncluded(boolean shown, boolean include) {
		setIncluded(shown ? table.allRows() : table.selectedRows(), include);
	}

	private void setIncluded(int[] rows, boolean include) {
		RecipientView current = view;
		if (current == null || rows.length == 0) {
			return;
		}
		current.setIncluded(current.keysOf(rows), include);
		table().clearAll();
		updateCount();
		publisher.changed(current.list());
	}

	private void chooseEmailColumn() {
		RecipientView current = view;
		if (current != null) {
			current.setEmailField(emailColumn.getText());
			publisher.changed(current.list());
		}
	}

	private void applySearch() {
		RecipientView current = view;
		if (current != null && !search.isDisposed()) {
			current.setSearch(search.getText());
			refresh();
		}
	}

	private void refresh() {
		table.refresh();
		updateCount();
	}

	private void updateCount() {
		RecipientView current = view;
		int total = current == null ? 0 : current.list().recipients().size();
		int included = current == null ? 0 : current.includedCount();
		int shown = current == null ? 0 : current.rows().size();
		count.setText(shown == total ? NLS.bind(Messages.RecipientsPart_count, included, total)
				: NLS.bind(Messages.RecipientsPart_countFiltered, new Object[] { included, total, shown }));
		count.getParent().layout(new Control[] { count });
	}
}
