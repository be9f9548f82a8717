package com.securemailmerge.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.model.Attachment;

/**
 * The rows of the Attachments part: name, kind, path as stored and size. A common file's size is
 * read from disk; a per-recipient file's size is that of the path rendered for the selected
 * recipient, if there is one. A missing file says so in red.
 */
public final class AttachmentTable {

	private static final int UNKNOWN = -2;

	private final Table table;

	private AttachmentTable(Table table) {
		this.table = table;
	}

	public static AttachmentTable create(Composite parent) {
		Table table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		String[] titles = { Messages.AttachmentsPart_columnName, Messages.AttachmentsPart_columnKind,
				Messages.AttachmentsPart_columnPath, Messages.AttachmentsPart_columnSize };
		int[] widths = { 200, 110, 320, 90 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, i == 3 ? SWT.RIGHT : SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		return new AttachmentTable(table);
	}

	public Table control() {
		return table;
	}

	/**
	 * Shows the attachments.
	 *
	 * @param folder   the campaign's folder (relative paths), null without a campaign file
	 * @param perRecipientFolder the folder per-recipient files come from, null when there is none
	 * @param rendered the paths rendered for the selected recipient, in the order of the attachments;
	 *                 null when there is no recipient or template to render them
	 * @return the files with their sizes, to notice when they change on disk
	 */
	public String show(List<Attachment> attachments, @Nullable Path folder, @Nullable Path perRecipientFolder,
			@Nullable List<String> rendered) {
		StringBuilder seen = new StringBuilder();
		table.setRedraw(false);
		try {
			table.removeAll();
			for (int i = 0; i < attachments.size(); i++) {
				Attachment attachment = attachments.get(i);
				boolean common = attachment.kind() == Attachment.Kind.COMMON;
				Path file = common ? com.securemailmerge.merge.CampaignFolder.file(attachment.path(), folder)
						: rendered == null ? null : com.securemailmerge.merge.AttachmentFiles.inside(perRecipientFolder, rendered.get(i));
				long size = common || rendered != null ? AttachmentPaths.size(file) : UNKNOWN;
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(new String[] { AttachmentPaths.name(attachment.path()),
						common ? Messages.AttachmentsPart_common : Messages.AttachmentsPart_perRecipient,
						attachment.path(), size == UNKNOWN ? Messages.AttachmentsPart_sizeUnknown
								: size < 0 ? Messages.AttachmentsPart_missing : Sizes.format(size) });
				item.setData(attachment);
				if (size == -1) {
					item.setForeground(3, table.getDisplay().getSystemColor(SWT.COLOR_RED));
				}
				seen.append(file).append('=').append(size).append('\n');
			}
		} finally {
			table.setRedraw(true);
		}
		return seen.toString();
	}
}
