package com.securemailmerge.recipients.ods;

import java.nio.file.Path;
import java.util.List;

import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.testing.TabularSourceContract;

/** The OpenDocument source under the common contract, with .ods packages written as the format describes them. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class OdsRecipientSourceContractTest extends TabularSourceContract {

	@Override
	protected RecipientSource source() {
		return new OdsRecipientSource();
	}

	@Override
	protected String sourceId() {
		return "ods";
	}

	@Override
	protected Path write(String name, List<List<String>> rows) throws Exception {
		return OdsFiles.rows(folder.resolve(name + ".ods"), "Mitglieder", rows);
	}
}
