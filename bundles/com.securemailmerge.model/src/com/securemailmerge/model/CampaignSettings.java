package com.securemailmerge.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a campaign remembers besides its template: the language numbers and dates are formatted in
 * (a BCP 47 tag), the column that holds the address (null: guessed from the list), the recipients
 * the user excluded by hand, and the folder per-recipient attachments come from (an absolute path;
 * null: the campaign's own folder).
 */
public record CampaignSettings(String localeTag, @Nullable String emailField, Set<RecipientKey> excluded,
		@Nullable String attachmentsFolder) {

	public CampaignSettings {
		Objects.requireNonNull(localeTag, "localeTag");
		excluded = Set.copyOf(new TreeSet<>(excluded));
	}

	public CampaignSettings(String localeTag, @Nullable String emailField, Set<RecipientKey> excluded) {
		this(localeTag, emailField, excluded, null);
	}

	public static CampaignSettings defaults(Locale locale) {
		return new CampaignSettings(locale.toLanguageTag(), null, Set.of());
	}

	public Locale locale() {
		return Locale.forLanguageTag(localeTag);
	}

	public CampaignSettings withEmailField(@Nullable String field) {
		return new CampaignSettings(localeTag, field, excluded, attachmentsFolder);
	}

	public CampaignSettings withExcluded(Set<RecipientKey> keys) {
		return new CampaignSettings(localeTag, emailField, keys, attachmentsFolder);
	}

	/** Per-recipient attachments from this folder (absolute), or from the campaign's folder (null). */
	public CampaignSettings withAttachmentsFolder(@Nullable String folder) {
		return new CampaignSettings(localeTag, emailField, excluded, folder);
	}
}
