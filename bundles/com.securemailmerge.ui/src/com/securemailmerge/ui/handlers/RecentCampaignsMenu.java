package com.securemailmerge.ui.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.Messages;

/** File > Recent campaigns: the last files opened or saved, rebuilt each time the menu opens. */
public final class RecentCampaignsMenu {

	@AboutToShow
	void aboutToShow(List<MMenuElement> items, EModelService models, CampaignState state) {
		List<Path> files = state.recent().list();
		if (files.isEmpty()) {
			MDirectMenuItem none = models.createModelElement(MDirectMenuItem.class);
			none.setLabel(Messages.Campaign_noRecent);
			none.setEnabled(false);
			none.setContributionURI("bundleclass://com.securemailmerge.ui/" + RecentCampaignItem.class.getName()); //$NON-NLS-1$
			items.add(none);
			return;
		}
		int number = 1;
		for (Path file : files) {
			MDirectMenuItem item = models.createModelElement(MDirectMenuItem.class);
			item.setLabel(number++ + " " + file.getFileName()); //$NON-NLS-1$
			item.setTooltip(file.toString());
			item.getTransientData().put(RecentCampaignItem.FILE, file.toString());
			item.setContributionURI("bundleclass://com.securemailmerge.ui/" + RecentCampaignItem.class.getName()); //$NON-NLS-1$
			items.add(item);
		}
	}
}
