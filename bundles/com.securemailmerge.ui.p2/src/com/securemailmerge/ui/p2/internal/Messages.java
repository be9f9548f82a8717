package com.securemailmerge.ui.p2.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of software installation; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.ui.p2.internal.messages"; //$NON-NLS-1$

	public static String UpdateSites_noAgent;
	public static String UpdateSites_noService;
	public static String UpdateSites_noProfile;
	public static String UpdateSites_invalidLocation;
	public static String UpdateSites_noFolder;
	public static String UpdateSites_notARepository;
	public static String UpdateSites_unreachable;
	public static String UpdateSites_unreadable;
	public static String UpdateSites_loading;
	public static String UpdateSites_installing;
	public static String UpdateSites_nothingSelected;
	public static String UpdateSites_missingFeature;
	public static String UpdateSites_cannotResolve;
	public static String UpdateSites_installFailed;
	public static String UpdateSites_unsignedRejected;
	public static String Trust_unsigned;
	public static String Trust_untrusted;
	public static String Trust_question;
	public static String Trust_title;
	public static String Install_title;
	public static String Install_message;
	public static String Install_site;
	public static String Install_folder;
	public static String Install_archive;
	public static String Install_load;
	public static String Install_install;
	public static String Install_chooseFolder;
	public static String Install_loaded;
	public static String Install_empty;
	public static String Install_running;
	public static String Install_failedTitle;
	public static String Install_restartTitle;
	public static String Install_restart;
	public static String Install_done;
	public static String Column_name;
	public static String Column_version;
	public static String Column_id;
	public static String Column_state;
	public static String Column_symbolicName;
	public static String Details_title;
	public static String Details_features;
	public static String Details_bundles;
	public static String State_installed;
	public static String State_resolved;
	public static String State_starting;
	public static String State_stopping;
	public static String State_active;
	public static String State_uninstalled;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
