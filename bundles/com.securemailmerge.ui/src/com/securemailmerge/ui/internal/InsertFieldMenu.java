package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

import com.securemailmerge.merge.Fields;
import com.securemailmerge.merge.Snippet;

/**
 * The template editor's "Insert field" drop-down: the fields of the loaded list, then the
 * {@link Snippet}s for the first field. A chooser like a combo's list, built from the list's fields
 * each time it opens; what is chosen goes to the editor's insert.
 */
public final class InsertFieldMenu {

	private InsertFieldMenu() {
	}

	public static void show(Control anchor, List<String> fields, Consumer<String> insert) {
		Menu menu = new Menu(anchor);
		if (fields.isEmpty()) {
			MenuItem none = new MenuItem(menu, SWT.PUSH);
			none.setText(Messages.TemplatePart_noFields);
			none.setEnabled(false);
		}
		for (String field : fields) {
			item(menu, field.replace("&", "&&"), () -> insert.accept(Fields.reference(field))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!fields.isEmpty()) {
			new MenuItem(menu, SWT.SEPARATOR);
			for (Snippet snippet : Snippet.values()) {
				item(menu, label(snippet), () -> insert.accept(snippet.forField(fields.get(0))));
			}
		}
		menu.setLocation(anchor.toDisplay(0, anchor.getSize().y));
		menu.setVisible(true);
	}

	private static void item(Menu menu, String text, Runnable chosen) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, e -> chosen.run());
	}

	static String label(Snippet snippet) {
		return switch (snippet) {
		case IF -> Messages.TemplatePart_snippetIf;
		case EQUALS -> Messages.TemplatePart_snippetEq;
		case FALLBACK -> Messages.TemplatePart_snippetDefault;
		case NUMBER -> Messages.TemplatePart_snippetNumber;
		case DATE -> Messages.TemplatePart_snippetDate;
		};
	}
}
