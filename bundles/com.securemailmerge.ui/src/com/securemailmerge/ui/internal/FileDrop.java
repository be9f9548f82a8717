package com.securemailmerge.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Control;

/** Files dragged from the desktop or a file manager onto a control: copied, never moved. */
public final class FileDrop {

	private FileDrop() {
	}

	public static DropTarget attach(Control control, Consumer<List<Path>> dropped) {
		DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
		target.setTransfer(FileTransfer.getInstance());
		target.addDropListener(new Listener(dropped));
		return target;
	}

	/** Paths of the dropped names; a name that is no valid path is left out. */
	static List<Path> paths(String[] names) {
		List<Path> paths = new ArrayList<>();
		for (String name : names) {
			try {
				paths.add(Path.of(name));
			} catch (InvalidPathException e) {
				// not a file this system can open
			}
		}
		return paths;
	}

	@org.eclipse.jdt.annotation.NonNullByDefault({}) // SWT's listener carries no null annotations
	private static final class Listener extends DropTargetAdapter {

		private final Consumer<List<Path>> dropped;

		Listener(Consumer<List<Path>> dropped) {
			this.dropped = dropped;
		}

		@Override
		public void dragEnter(DropTargetEvent event) {
			choose(event);
		}

		@Override
		public void dragOperationChanged(DropTargetEvent event) {
			choose(event);
		}

		private static void choose(DropTargetEvent event) {
			if (!FileTransfer.getInstance().isSupportedType(event.currentDataType)) {
				event.detail = DND.DROP_NONE;
			} else if ((event.operations & DND.DROP_COPY) != 0) {
				event.detail = DND.DROP_COPY;
			} else if ((event.operations & DND.DROP_LINK) != 0) {
				event.detail = DND.DROP_LINK;
			} else {
				event.detail = DND.DROP_NONE;
			}
		}

		@Override
		public void drop(DropTargetEvent event) {
			if (event.data instanceof String[] names) {
				dropped.accept(paths(names));
			}
		}
	}
}
