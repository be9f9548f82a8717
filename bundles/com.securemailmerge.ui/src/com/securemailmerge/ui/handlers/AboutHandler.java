package com.securemailmerge.ui.handlers;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.ui.internal.Messages;

import jakarta.inject.Named;

/** Help > About: product name, version and the branding's about text. */
public final class AboutHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		IProduct product = Platform.getProduct();
		String about = product == null ? "" : String.valueOf(product.getProperty("aboutText")); //$NON-NLS-1$
		String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
		MessageDialog.openInformation(shell, Messages.About_title, NLS.bind(Messages.About_text, version, about));
	}
}
