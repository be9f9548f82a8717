package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;

/**
 * The address book's virtual table over a {@link RecipientView}: one column per field (sorted by a
 * click on its header), a check box per row for include/exclude, rows filled only when shown.
 */
public final class RecipientTable {

	/** Ticked or unticked rows of the table. */
	public interface Checked {
		void rows(int[] rows, boolean include);
	}

	private final Table table;
	private @Nullable RecipientView view;

	public RecipientTable(Composite parent, Consumer<Recipient> selected, Checked checked) {
		table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.CHECK);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Selection, e -> {
			if (e.detail == SWT.CHECK) {
				TableItem item = (TableItem) e.item;
				checked.rows(new int[] { table.indexOf(item) }, item.getChecked());
			} else {
				selected().ifPresent(selected);
			}
		});
	}

	public Table widget() {
		return table;
	}

	/** A new list: its fields as columns, no sort, all rows. */
	public void show(RecipientView shown) {
		view = shown;
		table.setRedraw(false);
		try {
			for (TableColumn column : table.getColumns()) {
				column.dispose();
			}
			for (Field field : shown.list().fields()) {
				TableColumn column = new TableColumn(table, SWT.LEFT);
				column.setText(field.name());
				column.setWidth(140);
				column.setMoveable(true);
				column.addListener(SWT.Selection, e -> sort(column, field.name()));
			}
			refresh();
		} finally {
			table.setRedraw(true);
		}
	}

	/** Nothing loaded. */
	public void clear() {
		view = null;
		refresh();
	}

	/** The rows again after the view changed (search, filter, include/exclude). */
	public void refresh() {
		RecipientView current = view;
		table.clearAll();
		table.setItemCount(current == null ? 0 : current.rows().size());
	}

	public int[] selectedRows() {
		return table.getSelectionIndices();
	}

	public int[] allRows() {
		RecipientView current = view;
		return current == null ? new int[0] : IntStream.range(0, current.rows().size()).toArray();
	}

	public Optional<Recipient> selected() {
		RecipientView current = view;
		int index = table.getSelectionIndex();
		return current == null || index < 0 || index >= current.rows().size() ? Optional.empty()
				: Optional.of(current.rows().get(index));
	}

	/** Moves the selection by delta rows, staying within the list. */
	public Optional<Recipient> step(int delta) {
		RecipientView current = view;
		if (current == null || current.rows().isEmpty()) {
			return Optional.empty();
		}
		return select(Math.max(0, Math.min(current.rows().size() - 1, table.getSelectionIndex() + delta)));
	}

	/** Selects the recipient's row if it is shown. */
	public Optional<Recipient> select(RecipientKey key) {
		RecipientView current = view;
		List<Recipient> rows = current == null ? List.of() : current.rows();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).key().equals(key)) {
				return select(i);
			}
		}
		return Optional.empty();
	}

	private Optional<Recipient> select(int index) {
		table.setSelection(index);
		table.showSelection();
		return selected();
	}

	private void sort(TableColumn column, String field) {
		RecipientView current = view;
		if (current == null) {
			return;
		}
		current.sortBy(field);
		table.setSortColumn(column);
		table.setSortDirection(current.ascending() ? SWT.UP : SWT.DOWN);
		refresh();
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
}
