package com.securemailmerge.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The running workbench as the UI tests see it: parts by id, and waiting for the UI. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Workbench {

	private Workbench() {
	}

	static MApplication application() {
		BundleContext context = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
		return context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
	}

	/** Shows and activates the part and returns its object. */
	static <T> T part(String id, Class<T> type) {
		MApplication application = application();
		MPart part = (MPart) application.getContext().get(EModelService.class).find(id, application);
		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return type.cast(part.getObject());
	}

	static MPart model(String id) {
		MApplication application = application();
		return (MPart) application.getContext().get(EModelService.class).find(id, application);
	}

	static void settle(long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	static void waitUntil(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + 30_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}
}
