package com.securemailmerge.merge;

import java.util.Set;

import com.securemailmerge.model.Recipient;

/** A template ready to render; immutable and safe to use from several threads. */
public interface CompiledTemplate {

	/** Renders the message of one recipient, or the problems that stop it from being sent. */
	Rendering render(Recipient recipient);

	/** The fields the template refers to anywhere (conditions and fallbacks included). */
	Set<String> fields();
}
