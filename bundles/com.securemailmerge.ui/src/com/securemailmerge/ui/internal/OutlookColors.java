package com.securemailmerge.ui.internal;

import org.eclipse.swt.graphics.RGB;

/** The colours of Outlook's 25 category presets ("preset0" red ... "preset24" dark cranberry). */
public final class OutlookColors {

	private static final int[] PRESETS = { 0xE74C3C, 0xF39C12, 0xA0522D, 0xF1C40F, 0x2ECC71, 0x1ABC9C, 0x808000, 0x3498DB,
			0x9B59B6, 0xC0392B, 0x708090, 0x2F4F4F, 0xA9A9A9, 0x696969, 0x000000, 0x8B0000, 0xD2691E, 0x8B4513, 0xB8860B,
			0x006400, 0x008080, 0x556B2F, 0x00008B, 0x4B0082, 0x800000 };
	private static final RGB NONE = new RGB(0xC8, 0xC8, 0xC8);

	private OutlookColors() {
	}

	/** The colour of a preset name; a light grey for "none", unknown names and categories without a colour. */
	public static RGB of(String preset) {
		if (preset.startsWith("preset")) { //$NON-NLS-1$
			try {
				int index = Integer.parseInt(preset.substring(6));
				if (index >= 0 && index < PRESETS.length) {
					int rgb = PRESETS[index];
					return new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
				}
			} catch (NumberFormatException e) {
				// not a preset: grey
			}
		}
		return NONE;
	}
}
