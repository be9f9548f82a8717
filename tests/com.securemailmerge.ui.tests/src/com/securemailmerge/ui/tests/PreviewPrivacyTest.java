package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.e4.ui.model.application.MApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.parts.PreviewPart;

/**
 * The preview connects nowhere: a template with a tracking image, a remote style sheet, a font and
 * a frame, all pointing at a server on this computer that counts every connection it gets. The real
 * browser (WebKitGTK under Xvfb) shows the message; the server gets no connection, the images show
 * as placeholders and the preview says how many were not loaded.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class PreviewPrivacyTest {

	@TempDir
	Path folder;

	@Test
	void aRemoteImageInATemplateIsNeverLoadedByThePreview() throws Exception {
		try (ServerSocket tracker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			tracker.setSoTimeout(200);
			AtomicInteger connections = new AtomicInteger();
			Thread counting = new Thread(() -> {
				while (!tracker.isClosed()) {
					try (Socket socket = tracker.accept()) {
						connections.incrementAndGet();
					} catch (SocketTimeoutException e) {
						// go on listening
					} catch (java.io.IOException e) {
						return;
					}
				}
			}, "tracker");
			counting.setDaemon(true);
			counting.start();
			String base = "http://127.0.0.1:" + tracker.getLocalPort();
			Path csv = folder.resolve("gaeste.csv");
			Files.writeString(csv, "Vorname;E-Mail;Id\r\nAnna;anna@example.org;4711\r\n", StandardCharsets.UTF_8);
			Path file = folder.resolve("Tracking.smmc");
			// a whole document without a head, a <header> first: the policy must still come before all
			String body = "<!DOCTYPE html><html><body><header>Kopf</header><link rel=\"stylesheet\" href=\"" + base + "/style.css\">"
					+ "<p style=\"background:url(" + base + "/bg.png)\">Hintergrund</p><img/src=\"" + base + "/slash.gif\">"
					+ "<style>@font-face { font-family: x; src: url(" + base + "/font.woff); } p { font-family: x; }</style>"
					+ "<p>Hallo {{Vorname}}</p><img src=\"" + base + "/{{Id}}.gif\" alt=\"\">"
					+ "<img srcset=\"" + base + "/big.gif 2x\"><iframe src=\"" + base + "/frame\"></iframe>"
					+ "<p><a href=\"" + base + "/link\">Programm</a></p>"
					+ "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"inline\"></p></body></html>";
			CampaignFile.save(new Campaign(UUID.randomUUID(), "Tracking", new SourceReference("csv", csv.toString()),
					Template.of("Hallo {{Vorname}}", body, BodyFormat.HTML, ""), List.of(), TransportKind.OUTBOX,
					new CampaignSettings("de-DE", "E-Mail", Set.of())), file);

			MApplication application = Workbench.application();
			CampaignState state = application.getContext().get(CampaignState.class);
			state.open(file);
			waitUntil("the campaign's recipient", () -> application.getContext().get(RecipientList.class) != null
					&& application.getContext().get(RecipientList.class).recipients().size() == 1);
			PreviewPart preview = Workbench.part("com.securemailmerge.ui.part.preview", PreviewPart.class);
			waitUntil("the preview", () -> preview.html().contains("Hallo Anna"));
			Workbench.settle(3000); // time for the browser to load whatever it would
			assertEquals(0, connections.get(), "the preview connected to the tracking server");
			assertTrue(preview.html().contains("Content-Security-Policy"), preview.html());
			assertFalse(preview.html().contains(base + "/4711.gif"), "the tracking image is replaced: " + preview.html());
			assertTrue(preview.html().contains("data:image/gif;base64"), "an inline image stays");
			assertTrue(preview.headerText().contains("4 Bild"), "four images or frames not loaded: " + preview.headerText());
			assertTrue(preview.html().indexOf("Content-Security-Policy") < preview.html().indexOf("<header>"),
					"the policy comes before everything: " + preview.html());
			Screenshots.save(Workbench.part("com.securemailmerge.ui.part.recipients",
					com.securemailmerge.ui.parts.RecipientsPart.class).table().getShell(), "preview-blocked-de.png");
		}
	}
}
