package com.securemailmerge.cli;

import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.send.TransportProvider;

/**
 * What the commands work with: the services the workbench uses too and, where the workbench keeps
 * them, the files of campaigns it knows and of files outside a campaign's folder the user allowed.
 *
 * @param transports Microsoft 365 (null when its bundles are not installed)
 * @param signIn signs in on the terminal (null when Microsoft 365 is not installed)
 * @param workbenchState the workbench's state folder (null: no instance area, nothing remembered)
 */
record Services(RecipientSourceRegistry sources, MergeEngine engine, @Nullable TransportProvider transports,
		@Nullable SignIn signIn, @Nullable Path workbenchState) {

	/** Signs in to Microsoft 365 on the terminal (a device code), unless signed in already. */
	@FunctionalInterface
	interface SignIn {
		void signIn(java.io.PrintStream prompt) throws CliException;
	}
}
