package com.securemailmerge.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.model.Problem;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** What must be fixed before sending: per recipient and field, errors first. */
public final class ProblemsPart {

	private Label summary;
	private Table problems;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		summary = Hint.create(parent, Messages.ProblemsPart_empty);
		problems = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		problems.setHeaderVisible(true);
		int[] widths = { 600, 160, 160 };
		String[] titles = { Messages.ProblemsPart_column_problem, Messages.ProblemsPart_column_recipient,
				Messages.ProblemsPart_column_field };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(problems, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		GridDataFactory.fillDefaults().grab(true, true).applyTo(problems);
	}

	@Inject
	@Optional
	void recipientsLoaded(@UIEventTopic(Topics.RECIPIENTS_LOADED) LoadResult result) {
		if (problems == null || problems.isDisposed()) {
			return;
		}
		List<Problem> sorted = new ArrayList<>(result.problems());
		sorted.sort(Problem.ORDER);
		problems.removeAll();
		for (Problem problem : sorted) {
			TableItem item = new TableItem(problems, SWT.NONE);
			item.setText(new String[] { problem.message(),
					problem.recipient() == null ? "" : String.valueOf(problem.recipient()), //$NON-NLS-1$
					problem.field() == null ? "" : problem.field() }); //$NON-NLS-1$
			item.setData(problem);
		}
		long errors = sorted.stream().filter(Problem::isError).count();
		summary.setText(sorted.isEmpty() ? Messages.ProblemsPart_empty
				: NLS.bind(Messages.ProblemsPart_summary, errors, sorted.size() - errors));
		summary.getParent().layout(true);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		problems.setFocus();
	}
}
