package com.securemailmerge.ui.p2.dialogs;

import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

import com.securemailmerge.ui.p2.internal.FeatureInfo;
import com.securemailmerge.ui.p2.internal.Messages;

/** Text columns of the tables of the dialogs. */
final class Columns {

	private Columns() {
	}

	/** Name, version and id of features, for a table whose input is a list of {@link FeatureInfo}. */
	static void features(TableViewer viewer) {
		add(viewer, FeatureInfo.class, Messages.Column_name, 280, FeatureInfo::name);
		add(viewer, FeatureInfo.class, Messages.Column_version, 150, FeatureInfo::version);
		add(viewer, FeatureInfo.class, Messages.Column_id, 280, FeatureInfo::id);
	}

	static <T> void add(TableViewer viewer, Class<T> type, String title, int width, Function<T, String> text) {
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({}) // JFace carries no null annotations
			public String getText(Object element) {
				String value = type.isInstance(element) ? text.apply(type.cast(element)) : null;
				return value == null ? "" : value; //$NON-NLS-1$
			}
		});
	}
}
