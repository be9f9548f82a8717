package com.securemailmerge.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * What must be fixed before sending: problems of the source, of the template and of every
 * recipient, errors first, with counts per kind. A double-click shows the recipient in the address
 * book, or the place in the template.
 */
public final class ProblemsPart {

	static final String TEMPLATE_PART_ID = "com.securemailmerge.ui.part.template"; //$NON-NLS-1$

	@Inject
	private org.eclipse.e4.ui.model.application.MApplication application;
	@Inject
	private IEventBroker events;
	@Inject
	private EPartService parts;

	private Label summary;
	private Table problems;
	private List<Problem> sourceProblems = List.of();
	private List<Problem> mergeProblems = List.of();
	private List<Problem> optOutProblems = List.of();
	private int checked;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		summary = Hint.create(parent, Messages.ProblemsPart_empty);
		problems = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		problems.setHeaderVisible(true);
		int[] widths = { 600, 110, 140, 90 };
		String[] titles = { Messages.ProblemsPart_column_problem, Messages.ProblemsPart_column_recipient,
				Messages.ProblemsPart_column_field, Messages.ProblemsPart_column_where };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(problems, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		GridDataFactory.fillDefaults().grab(true, true).applyTo(problems);
		problems.addListener(SWT.DefaultSelection, e -> {
			if (e.item != null && e.item.getData() instanceof Problem problem) {
				open(problem);
			}
		});
	}

	/** Shows where a problem is: the recipient in the address book, else the place in the template. */
	public void open(Problem problem) {
		if (problem.recipient() != null) {
			events.send(Topics.SHOW_RECIPIENT, problem.recipient());
		} else if (problem.part() != null) {
			MPart template = parts.findPart(TEMPLATE_PART_ID);
			if (template != null) {
				parts.activate(template);
			}
			events.send(Topics.SHOW_PROBLEM, problem);
		}
	}

	@Inject
	@Optional
	void recipientsLoaded(@UIEventTopic(Topics.RECIPIENTS_LOADED) LoadResult result) {
		sourceProblems = result.problems();
		refresh();
	}

	@Inject
	@Optional
	void merged(@UIEventTopic(Topics.MERGED) MergeState state) {
		Validation validation = state.validation();
		List<Problem> found = validation == null ? state.compilation().problems() : validation.problems();
		// without a recipient list every field is unknown: only syntax errors count then
		mergeProblems = state.list() == null
				? found.stream().filter(p -> p.kind() != Problem.Kind.UNKNOWN_FIELD).toList()
				: found;
		checked = validation == null ? 0 : validation.checked();
		Sending sending = application.getContext().get(Sending.class);
		optOutProblems = sending == null || state.list() == null ? List.of() : sending.optOuts().problems();
		refresh();
	}

	private void refresh() {
		if (problems == null || problems.isDisposed()) {
			return;
		}
		List<Problem> sorted = new ArrayList<>(sourceProblems);
		sorted.addAll(mergeProblems);
		sorted.addAll(optOutProblems);
		sorted.sort(Problem.ORDER);
		problems.setRedraw(false);
		try {
			problems.removeAll();
			for (Problem problem : sorted) {
				TableItem item = new TableItem(problems, SWT.NONE);
				item.setText(new String[] { problem.message(),
						label(problem.recipient()),
						problem.field() == null ? "" : problem.field(), //$NON-NLS-1$
						problem.line() > 0 ? problem.line() + ":" + problem.column() : "" }); //$NON-NLS-1$ //$NON-NLS-2$
				item.setData(problem);
				if (problem.isError()) {
					item.setForeground(problems.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
				}
			}
		} finally {
			problems.setRedraw(true);
		}
		long errors = sorted.stream().filter(Problem::isError).count();
		Map<Problem.Kind, Long> kinds = sorted.stream()
				.collect(Collectors.groupingBy(Problem::kind, () -> new java.util.EnumMap<>(Problem.Kind.class), Collectors.counting()));
		String perKind = kinds.entrySet().stream().map(e -> kindLabel(e.getKey()) + ": " + e.getValue()) //$NON-NLS-1$
				.collect(Collectors.joining(", ")); //$NON-NLS-1$
		summary.setText(sorted.isEmpty()
				? checked > 0 ? NLS.bind(Messages.ProblemsPart_allGood, checked) : Messages.ProblemsPart_empty
				: NLS.bind(Messages.ProblemsPart_summary, new Object[] { errors, sorted.size() - errors, perKind }));
		summary.getParent().layout(true);
	}

	static String kindLabel(Problem.Kind kind) {
		return switch (kind) {
		case TEMPLATE_SYNTAX -> Messages.ProblemKind_TEMPLATE_SYNTAX;
		case UNKNOWN_FIELD -> Messages.ProblemKind_UNKNOWN_FIELD;
		case MISSING_VALUE -> Messages.ProblemKind_MISSING_VALUE;
		case INVALID_ADDRESS -> Messages.ProblemKind_INVALID_ADDRESS;
		case DUPLICATE_ADDRESS -> Messages.ProblemKind_DUPLICATE_ADDRESS;
		case EMPTY_SUBJECT -> Messages.ProblemKind_EMPTY_SUBJECT;
		case MISSING_ATTACHMENT -> Messages.ProblemKind_MISSING_ATTACHMENT;
		case MESSAGE_TOO_LARGE -> Messages.ProblemKind_MESSAGE_TOO_LARGE;
		case SOURCE -> Messages.ProblemKind_SOURCE;
		case RENDERING -> Messages.ProblemKind_RENDERING;
		case OPTED_OUT -> Messages.ProblemKind_OPTED_OUT;
		};
	}

	/** For tests: the problems shown. */
	public List<Problem> shown() {
		List<Problem> shown = new ArrayList<>();
		for (TableItem item : problems.getItems()) {
			shown.add((Problem) item.getData());
		}
		return shown;
	}

	/** For tests: the summary line with the counts. */
	public String summary() {
		return summary.getText();
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		problems.setFocus();
	}

	private static String label(com.securemailmerge.model.@org.eclipse.jdt.annotation.Nullable RecipientKey key) {
		return key == null ? "" : RecipientIdentity.label(key); //$NON-NLS-1$
	}
}
