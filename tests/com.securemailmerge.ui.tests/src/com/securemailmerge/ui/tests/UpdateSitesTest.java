package com.securemailmerge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.ui.p2.dialogs.InstallDialog;
import com.securemailmerge.ui.p2.dialogs.InstallationDetailsDialog;
import com.securemailmerge.ui.p2.internal.Agents;
import com.securemailmerge.ui.p2.internal.FeatureInfo;
import com.securemailmerge.ui.p2.internal.InstallResult;
import com.securemailmerge.ui.p2.internal.Messages;
import com.securemailmerge.ui.p2.internal.Sites;
import com.securemailmerge.ui.p2.internal.UpdateSites;

/**
 * Update sites through the p2 agent of the test runtime: the update site this build made offers
 * the Excel feature by its name; an unreachable site, a missing folder and a folder that is not an
 * update site give messages that name them; without a p2 profile (as here) nothing can be
 * installed and the message says why. The Help menu offers both dialogs before About; the dialogs
 * list the site's features and the installed plug-ins. The runtime runs with -nl de, so expected
 * texts come from the message and bundle properties.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class UpdateSitesTest {

	private static final String SITE = "releng/com.securemailmerge.site"; //$NON-NLS-1$
	private static final String EXCEL = "com.securemailmerge.excel.feature"; //$NON-NLS-1$

	@TempDir
	Path folder;

	private static UpdateSites updateSites() {
		return new UpdateSites(agent());
	}

	/** The update site of this build: the repository root is the first parent of user.dir that holds the site project. */
	private static Path siteOfThisBuild() {
		for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve(SITE))) {
				return dir.resolve(SITE).resolve("target/repository");
			}
		}
		return Path.of(System.getProperty("user.dir"), "..", "..", SITE, "target/repository");
	}

	private static void assumeBuilt(Path site) {
		assumeTrue(Stream.of("content.jar", "content.xml.xz", "content.xml").anyMatch(f -> Files.isRegularFile(site.resolve(f))),
				"the update site is not built yet: " + site);
	}

	@Test
	void theUpdateSiteOfThisBuildOffersTheExcelFeatureByName() throws Exception {
		Path site = siteOfThisBuild();
		assumeBuilt(site);
		URI location = Sites.location(site.toString());
		assertEquals("file", location.getScheme());

		List<FeatureInfo> features = updateSites().load(location, new NullProgressMonitor());

		FeatureInfo excel = features.stream().filter(feature -> feature.id().equals(EXCEL)).findFirst()
				.orElseThrow(() -> new AssertionError("no Excel feature on " + location + ": " + features));
		assertEquals("SecureMailMerge Excel source", excel.name());
		assertTrue(excel.version().matches("\\d+\\.\\d+\\.\\d+.*"), excel.version());
		assertTrue(features.stream().anyMatch(feature -> feature.id().equals("com.securemailmerge.feature")), features::toString);
	}

	@Test
	void anUnreachableSiteGivesAMessageNamingIt() {
		CoreException e = assertThrows(CoreException.class,
				() -> updateSites().load(URI.create("http://127.0.0.1:1/"), new NullProgressMonitor()));

		assertEquals(IStatus.ERROR, e.getStatus().getSeverity());
		assertTrue(e.getStatus().getMessage().contains("http://127.0.0.1:1/"), e.getStatus().getMessage());
	}

	@Test
	void aFolderThatIsNotAnUpdateSiteSaysSo() throws Exception {
		Files.writeString(folder.resolve("readme.txt"), "Kein Repository hier.");

		CoreException e = assertThrows(CoreException.class,
				() -> updateSites().load(Sites.location(folder.toString()), new NullProgressMonitor()));

		assertEquals(NLS.bind(Messages.UpdateSites_notARepository, folder.toAbsolutePath().normalize()),
				e.getStatus().getMessage());
	}

	@Test
	void aMissingFolderSaysSo() {
		Path missing = folder.resolve("nirgends");

		CoreException e = assertThrows(CoreException.class,
				() -> updateSites().load(Sites.location(missing.toString()), new NullProgressMonitor()));

		assertEquals(NLS.bind(Messages.UpdateSites_noFolder, missing.toAbsolutePath().normalize()), e.getStatus().getMessage());
	}

	@Test
	void locationsAreAddressesFoldersOrArchives() throws Exception {
		assertEquals(URI.create("https://updates.example.org/site/"), Sites.location(" https://updates.example.org/site/ "));
		assertEquals(folder.toUri(), Sites.location(folder.toString()));
		Path zip = folder.resolve("site.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
			entries.putNextEntry(new ZipEntry("p2.index"));
			entries.closeEntry();
		}
		assertEquals(URI.create("jar:" + zip.toUri() + "!/"), Sites.location(zip.toString()));
		CoreException blank = assertThrows(CoreException.class, () -> Sites.location("  "));
		assertEquals(NLS.bind(Messages.UpdateSites_invalidLocation, "  "), blank.getStatus().getMessage());
	}

	@Test
	void withoutAProfileNothingCanBeInstalledAndTheMessageSaysWhy() {
		UpdateSites sites = updateSites();
		IStatus profile = sites.profileStatus();
		assumeFalse(profile.isOK(), "this runtime has a p2 profile");
		String start = Messages.UpdateSites_noProfile.substring(0, Messages.UpdateSites_noProfile.indexOf('{'));
		assertTrue(profile.getMessage().startsWith(start), profile.getMessage());

		CoreException installed = assertThrows(CoreException.class, sites::installed);
		assertEquals(profile.getMessage(), installed.getStatus().getMessage());

		InstallResult result = sites.install(folder.toUri(), List.of(EXCEL), new NullProgressMonitor());
		assertEquals(IStatus.ERROR, result.status().getSeverity());
		assertEquals(profile.getMessage(), result.status().getMessage());
		assertFalse(result.restartNeeded());
	}

	@Test
	void installingNothingIsRefused() {
		InstallResult result = updateSites().install(folder.toUri(), List.of(), new NullProgressMonitor());

		assertEquals(IStatus.ERROR, result.status().getSeverity());
		assertEquals(Messages.UpdateSites_nothingSelected, result.status().getMessage());
	}

	@Test
	void theHelpMenuOffersInstallingAndTheDetailsBeforeAbout() {
		MWindow window = Workbench.application().getChildren().get(0);
		MMenu help = (MMenu) window.getMainMenu().getChildren().stream()
				.filter(menu -> "com.securemailmerge.app.menu.help".equals(menu.getElementId())).findFirst().orElseThrow();
		List<String> ids = help.getChildren().stream().map(MMenuElement::getElementId).toList();
		int install = ids.indexOf("com.securemailmerge.ui.p2.menu.installNewSoftware");
		int details = ids.indexOf("com.securemailmerge.ui.p2.menu.installationDetails");
		int about = ids.indexOf("com.securemailmerge.ui.menu.about");
		assertTrue(install >= 0 && install < details && details < about, ids::toString);
		assertEquals("Neue Software installieren...", help.getChildren().get(install).getLocalizedLabel().replace("&", ""));
		assertEquals("Installationsdetails", help.getChildren().get(details).getLocalizedLabel().replace("&", ""));
	}

	@Test
	void theInstallDialogListsTheFeaturesOfTheSiteOfThisBuild() throws Exception {
		Path site = siteOfThisBuild();
		assumeBuilt(site);
		InstallDialog dialog = new InstallDialog(windowShell(), agent());
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Shell shell = dialog.getShell();
			Combo combo = controls(shell, Combo.class).get(0);
			Table table = controls(shell, Table.class).get(0);
			combo.setText(site.toString());
			combo.notifyListeners(SWT.DefaultSelection, null);
			Workbench.waitUntil("the features of " + site, () -> table.getItemCount() > 0);
			TableItem excel = Arrays.stream(table.getItems()).filter(item -> EXCEL.equals(item.getText(2))).findFirst()
					.orElseThrow(() -> new AssertionError("no Excel feature in the table"));
			assertEquals("SecureMailMerge Excel source", excel.getText(0));
			assertEquals(List.of("Name", "Version", "ID"),
					Arrays.stream(table.getColumns()).map(column -> column.getText()).toList());
			Button install = controls(shell, Button.class).stream()
					.filter(button -> button.getText().replace("&", "").equals("Installieren")).findFirst().orElseThrow();
			assertFalse(install.isEnabled(), "nothing checked yet");
			Workbench.settle(300);
			Screenshots.save(shell, "install-new-software-de.png");
		} finally {
			dialog.close();
		}
	}

	@Test
	void theDetailsListTheRunningPlugInsAndSayWhyNoFeaturesAreShown() {
		UpdateSites sites = updateSites();
		InstallationDetailsDialog dialog = new InstallationDetailsDialog(windowShell(), sites,
				FrameworkUtil.getBundle(UpdateSitesTest.class).getBundleContext());
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Shell shell = dialog.getShell();
			TabFolder tabs = controls(shell, TabFolder.class).get(0);
			assertEquals(List.of("Installierte Software", "Plug-ins"),
					Arrays.stream(tabs.getItems()).map(item -> item.getText()).toList());
			Table bundles = (Table) tabs.getItem(1).getControl();
			assertTrue(Arrays.stream(bundles.getItems()).anyMatch(item -> "com.securemailmerge.ui.p2".equals(item.getText(0))),
					"the plug-ins include com.securemailmerge.ui.p2");
			if (!sites.profileStatus().isOK()) {
				String message = sites.profileStatus().getMessage();
				Workbench.waitUntil("the message about the missing profile",
						() -> controls(shell, Label.class).stream().anyMatch(label -> message.equals(label.getText())));
			}
		} finally {
			dialog.close();
		}
	}

	private static IProvisioningAgent agent() {
		IProvisioningAgent agent = Agents.current(FrameworkUtil.getBundle(UpdateSitesTest.class).getBundleContext());
		assertNotNull(agent, "the test runtime runs a p2 agent");
		return agent;
	}

	private static Shell windowShell() {
		return (Shell) Workbench.application().getChildren().get(0).getWidget();
	}

	private static <T extends Control> List<T> controls(Composite root, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : root.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				found.addAll(controls(composite, type));
			}
		}
		return found;
	}
}
