package com.securemailmerge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows as a PNG under target/screenshots (a test artifact). */
final class Screenshots {

	private Screenshots() {
	}

	static Path save(Shell shell, String name) throws Exception {
		Rectangle bounds = shell.getBounds();
		Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
		GC gc = new GC(shell.getDisplay());
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		Path folder = Files.createDirectories(Path.of(System.getProperty("smm.screenshots", "target/screenshots")));
		Path file = folder.resolve(name);
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		loader.save(file.toString(), SWT.IMAGE_PNG);
		image.dispose();
		assertTrue(Files.size(file) > 1000, "screenshot written");
		return file;
	}
}
