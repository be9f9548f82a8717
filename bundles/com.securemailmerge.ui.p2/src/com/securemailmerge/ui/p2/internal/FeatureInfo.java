package com.securemailmerge.ui.p2.internal;

import org.eclipse.equinox.p2.metadata.IInstallableUnit;

/**
 * A feature as the user sees it: its id (without p2's {@code .feature.group} suffix), its name in
 * the user's language (the id when it has none) and its version.
 */
public record FeatureInfo(String id, String name, String version) {

	private static final String GROUP_SUFFIX = ".feature.group"; //$NON-NLS-1$

	static FeatureInfo of(IInstallableUnit unit) {
		String unitId = unit.getId();
		String id = unitId.endsWith(GROUP_SUFFIX) ? unitId.substring(0, unitId.length() - GROUP_SUFFIX.length()) : unitId;
		String name = unit.getProperty(IInstallableUnit.PROP_NAME, null);
		return new FeatureInfo(id, name == null || name.isBlank() ? id : name, String.valueOf(unit.getVersion()));
	}

	/** Whether this feature is the installable unit with that id. */
	static boolean isUnit(String featureId, IInstallableUnit unit) {
		return unit.getId().equals(featureId) || unit.getId().equals(featureId + GROUP_SUFFIX);
	}
}
