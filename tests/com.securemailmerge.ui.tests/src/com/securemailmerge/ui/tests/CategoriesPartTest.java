package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.settle;
import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.ui.parts.CategoriesPart;
import com.securemailmerge.ui.parts.RecipientsPart;

/** Ticking categories filters the address book, with any or all of them, together with the search. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class CategoriesPartTest {

	@TempDir
	Path folder;

	@Test
	void tickedCategoriesFilterTheAddressBookWithTheSearch() throws Exception {
		Path csv = folder.resolve("kontakte.csv");
		Files.writeString(csv, "Vorname;Nachname;E-Mail;Kategorien\r\nAnna;Weber;anna@example.org;Vorstand, Mitglied\r\n"
				+ "Jörg;Müller;joerg@example.org;Mitglied\r\nClara;Wagner;clara@example.org;Förderer\r\n"
				+ "Paul;Hoffmann;paul@example.org;\r\n", StandardCharsets.UTF_8);
		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		CategoriesPart categories = Workbench.part("com.securemailmerge.ui.part.categories", CategoriesPart.class);
		recipients.load(csv);
		Table table = recipients.table();
		waitUntil("the contacts", () -> table.getItemCount() == 4 && categories.rows().size() == 3);
		assertEquals(List.of("Förderer (1)", "Mitglied (2)", "Vorstand (1)"), categories.rows());

		categories.tick(Set.of("Mitglied"), false);
		assertEquals(2, table.getItemCount());
		categories.tick(Set.of("Mitglied", "Vorstand"), false);
		assertEquals(2, table.getItemCount(), "any of them");
		categories.tick(Set.of("Mitglied", "Vorstand"), true);
		assertEquals(1, table.getItemCount(), "all of them");
		categories.tick(Set.of("Mitglied"), false);
		Text search = findSearch(recipients);
		search.setText("müller");
		waitUntil("search and category together", () -> table.getItemCount() == 1);
		assertEquals("Jörg", table.getItem(0).getText(0));
		settle(300);
		Screenshots.save(table.getShell(), "categories-de.png");
		search.setText("");
		categories.tick(Set.of(), false);
		waitUntil("everyone again", () -> table.getItemCount() == 4);
	}

	private static Text findSearch(RecipientsPart recipients) {
		for (org.eclipse.swt.widgets.Control child : recipients.table().getParent().getChildren()) {
			if (child instanceof Text text) {
				return text;
			}
		}
		throw new AssertionError("no search field");
	}
}
