package com.securemailmerge.ui.parts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.ui.internal.CategoryFilter;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.OutlookColors;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The categories of the loaded recipients with how many have each, in their Outlook colours
 * (which Outlook sources read with the contacts); ticking categories filters the address book, with any
 * or all of them, together with its search.
 */
public final class CategoriesPart {

	@Inject
	private IEventBroker events;

	private Label hint;
	private Button all;
	private Table categories;
	private final List<Image> swatches = new ArrayList<>();

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
		hint = Hint.create(parent, Messages.CategoriesPart_empty);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(150, SWT.DEFAULT).applyTo(hint);
		Button any = new Button(parent, SWT.RADIO);
		any.setText(Messages.CategoriesPart_any);
		any.setSelection(true);
		all = new Button(parent, SWT.RADIO);
		all.setText(Messages.CategoriesPart_all);
		all.addListener(SWT.Selection, e -> publish());
		categories = new Table(parent, SWT.CHECK | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(categories);
		categories.addListener(SWT.Selection, e -> {
			if (e.detail == SWT.CHECK) {
				publish();
			}
		});
	}

	private void publish() {
		Set<String> ticked = new LinkedHashSet<>();
		for (TableItem item : categories.getItems()) {
			if (item.getChecked()) {
				ticked.add((String) item.getData());
			}
		}
		events.send(Topics.CATEGORY_FILTER, new CategoryFilter(ticked, all.getSelection()));
	}

	@Inject
	@Optional
	void recipientsLoaded(@UIEventTopic(Topics.RECIPIENTS_LOADED) LoadResult result) {
		if (categories == null || categories.isDisposed()) {
			return;
		}
		RecipientList list = result.recipients();
		Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Recipient recipient : list.recipients()) {
			recipient.categories().forEach(c -> counts.merge(c, 1, Integer::sum));
		}
		categories.removeAll();
		counts.forEach((name, count) -> {
			TableItem item = new TableItem(categories, SWT.NONE);
			item.setText(NLS.bind(Messages.CategoriesPart_item, name, count));
			item.setData(name);
			item.setImage(swatch("none")); //$NON-NLS-1$
		});
		hint.setText(counts.isEmpty() ? Messages.CategoriesPart_empty : NLS.bind(Messages.CategoriesPart_count, counts.size()));
		hint.getParent().layout(true);
		Map<String, String> colours = new HashMap<>();
		result.categories().forEach(c -> colours.put(c.name(), c.color()));
		applyColours(colours);
	}

	private void applyColours(Map<String, String> colours) {
		if (categories.isDisposed()) {
			return;
		}
		for (TableItem item : categories.getItems()) {
			String colour = colours.get(item.getData());
			if (colour != null) {
				item.setImage(swatch(colour));
			}
		}
	}

	private Image swatch(String preset) {
		Image image = new Image(categories.getDisplay(), 12, 12);
		GC gc = new GC(image);
		Color colour = new Color(OutlookColors.of(preset));
		gc.setBackground(colour);
		gc.fillRectangle(0, 0, 12, 12);
		gc.dispose();
		swatches.add(image);
		return image;
	}

	/** For tests: ticks the named categories (any or all) as a click would. */
	public void tick(Set<String> names, boolean needAll) {
		for (TableItem item : categories.getItems()) {
			item.setChecked(names.contains(item.getData()));
		}
		all.setSelection(needAll);
		publish();
	}

	/** For tests: the rows as shown. */
	public List<String> rows() {
		List<String> rows = new ArrayList<>();
		for (TableItem item : categories.getItems()) {
			rows.add(item.getText());
		}
		return rows;
	}

	@PreDestroy
	void dispose() {
		swatches.forEach(Image::dispose);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		categories.setFocus();
	}
}
