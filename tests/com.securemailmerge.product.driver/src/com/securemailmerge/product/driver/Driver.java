package com.securemailmerge.product.driver;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Starts the script named by {@code smm.driver.script} on its own thread once the workbench
 * reports that it has started; the script talks to the UI thread like a user's clicks do.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=org/eclipse/e4/ui/LifeCycle/appStartupComplete")
public final class Driver implements EventHandler {

	static final String SCRIPT = "smm.driver.script";
	static final String OUT = "smm.driver.out";

	private final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void handleEvent(Event event) {
		String script = System.getProperty(SCRIPT);
		String out = System.getProperty(OUT);
		if (script == null || out == null || !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(() -> run(script, Path.of(out)), "smm-product-driver");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * After a failure: a screenshot of how the product looked, then the product is ended (a dialog
	 * left open would keep the workbench from closing) so that the test reports at once.
	 */
	private static void end(Path out) {
		try {
			org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getDefault();
			display.syncExec(() -> Ui.capture(display, out.resolve("failed.png")));
		} catch (RuntimeException e) {
			// the failure is already recorded
		}
		Runtime.getRuntime().halt(3);
	}

	private static void run(String name, Path out) {
		Steps steps = new Steps(out);
		try {
			BundleContext context = FrameworkUtil.getBundle(Driver.class).getBundleContext();
			ServiceReference<IWorkbench> reference = context.getServiceReference(IWorkbench.class);
			IWorkbench workbench = context.getService(reference);
			MApplication application = workbench.getApplication();
			Ui ui = new Ui(application, workbench, out, steps);
			Script script = switch (name) {
			case "install" -> new InstallScript();
			case "journey" -> new JourneyScript();
			case "licence" -> new LicenceScript();
			default -> throw new IllegalArgumentException("no script " + name);
			};
			script.run(ui, steps);
		} catch (Throwable e) {
			steps.failed(e);
			end(out);
		}
	}
}
