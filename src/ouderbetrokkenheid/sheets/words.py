"""Every word the spreadsheets show or say (sheet names, column headers, help notes, problem messages),
looked up through one function: :func:`word`. A key for each, its English text marked for the
project's gettext catalogue (:mod:`ouderbetrokkenheid.i18n`), where the Dutch, French and English live. A field that has no words here (a field added to the model later) is shown by its
own name, so a new field never breaks a workbook: it only looks less friendly.
"""

from collections.abc import Mapping

from ouderbetrokkenheid.i18n import COMPLETE, N_, NP_, words

#: The languages of the interface, Dutch first.
LANGUAGES: tuple[str, ...] = COMPLETE

# key -> English msgid
_WORDS: dict[str, str] = {
    # -- sheet names (at most 31 characters, none of : \ / ? * [ ]) ---------------------------
    "sheet:pack": N_("Pack"),
    "sheet:pack/sources": N_("Source documents"),
    "sheet:pack/thesaurus": N_("Thesaurus"),
    "sheet:pack/thesaurus/alt_labels": N_("Thesaurus other words"),
    "sheet:pack/thesaurus/hidden_labels": N_("Thesaurus hidden words"),
    "sheet:pack/thesaurus/provenance/translations": N_("Thesaurus translations"),
    "sheet:frameworks/concepts/hidden_labels": N_("Hidden names"),
    "sheet:resources": N_("Resources"),
    "sheet:findings": N_("Findings"),
    "sheet:frameworks": NP_("sheet name", "Frameworks"),
    "sheet:frameworks/concepts": N_("Concepts"),
    "sheet:frameworks/concepts/alt_labels": N_("Other names"),
    "sheet:frameworks/collections": N_("Concept groups"),
    "sheet:mappings": N_("Mappings"),
    "sheet:assessments": N_("Assessments"),
    "sheet:assessments/groups": N_("Respondent groups"),
    "sheet:assessments/scales": N_("Scales"),
    "sheet:assessments/scales/options": N_("Answer options"),
    "sheet:assessments/dimensions": N_("Dimensions"),
    "sheet:assessments/sections": N_("Sections"),
    "sheet:assessments/sections/items": N_("Items"),
    "sheet:assessments/sections/items/text": N_("Item texts"),
    "sheet:assessments/bands": N_("Score bands"),
    "sheet:*/authors": N_("Authors"),
    "sheet:*/publisher": N_("Publishers"),
    "sheet:*/links": N_("Links"),
    "sheet:*/effects": N_("Effects"),
    "sheet:*/caveats": NP_("sheet name", "Caveats"),
    "sheet:*/provenance/translations": N_("Translations"),
    "sheet:lists": N_("Lists"),
    "sheet:help": N_("How to"),
    # -- column headers: field names ----------------------------------------------------------
    "field:id": N_("id"),
    "field:name": N_("name"),
    "field:version": N_("version"),
    "field:title": N_("title"),
    "field:subtitle": N_("subtitle"),
    "field:summary": N_("summary"),
    "field:kind": N_("kind"),
    "field:publisher": N_("publisher"),
    "field:licence": N_("licence"),
    "field:languages": N_("languages"),
    "field:homepage": N_("homepage"),
    "field:depends": N_("depends on packs"),
    "field:url": N_("URL"),
    "field:year": N_("year"),
    "field:edition": N_("edition"),
    "field:retrieved": NP_("sheet column", "retrieved"),
    "field:document": N_("document"),
    "field:isbn": N_("ISBN"),
    "field:audiences": N_("audiences"),
    "field:levels": N_("education levels"),
    "field:themes": N_("themes"),
    "field:concepts": N_("concepts"),
    "field:free": N_("free"),
    "field:part_of": N_("part of"),
    "field:related": N_("related"),
    "field:known_gaps": N_("known gaps"),
    "field:access": N_("access"),
    "field:provider": N_("provider"),
    "field:label": N_("label"),
    "field:claim": N_("claim"),
    "field:sources": N_("sources"),
    "field:metric": N_("metric"),
    "field:value": N_("value"),
    "field:source": N_("source"),
    "field:evidence": N_("evidence"),
    "field:cost": N_("cost"),
    "field:max": N_("maximum"),
    "field:min": N_("minimum"),
    "field:note": N_("note"),
    "field:text": N_("text"),
    "field:authors": N_("authors"),
    "field:content_status": N_("content status"),
    "field:described_in": N_("described in"),
    "field:definition": N_("definition"),
    "field:notation": N_("notation"),
    "field:broader": N_("broader"),
    "field:ordered": N_("ordered"),
    "field:members": N_("members"),
    "field:expected_members": N_("expected members"),
    "field:subject": N_("subject"),
    "field:predicate": N_("predicate"),
    "field:object": N_("object"),
    "field:justification": N_("justification"),
    "field:confidence": N_("confidence (0-1)"),
    "field:author": N_("author"),
    "field:date": N_("date"),
    "field:target": N_("target"),
    "field:framework": N_("framework"),
    "field:min_group_size": N_("minimum group size"),
    "field:role": N_("role"),
    "field:code": N_("code"),
    "field:score": N_("score"),
    "field:not_applicable": N_("not applicable"),
    "field:description": N_("description"),
    "field:link_id": N_("link id"),
    "field:dimension": N_("dimension"),
    "field:scale": N_("scale"),
    "field:reverse": N_("reverse"),
    "field:weight": N_("weight"),
    "field:required": N_("required"),
    "field:interpretation": N_("interpretation"),
    "field:needs_work": NP_("sheet column", "needs work"),
    "field:provenance": N_("provenance"),
    "field:status": N_("status"),
    "field:locator": N_("locator"),
    "field:language": N_("language"),
    "field:method": N_("method"),
    "field:by": N_("by"),
    "field:group": NP_("sheet column", "group"),
    "field:alt_labels": N_("other name"),
    "field:same_as": N_("same as"),
    "field:hidden_labels": N_("hidden name"),
    "field:thesaurus": N_("thesaurus"),
    "field:caveats": N_("caveat"),
    # -- header patterns ----------------------------------------------------------------------
    "header:nested": N_("{outer}: {inner}"),
    "header:parent": N_("{sheet}: {field}"),
    "header:record": N_("record id"),
    "header:field": N_("field"),
    "header:value": N_("value"),
    "yes": N_("yes"),
    "no": N_("no"),
    # -- help notes ---------------------------------------------------------------------------
    "help:text": N_("Text in {language}. Leave empty when there is none."),
    "help:list": N_("Pick from the list. More than one? Separate them with a semicolon (;)."),
    "help:choice": N_("Pick from the list."),
    "help:many": N_("More than one? Separate them with a semicolon (;)."),
    "help:id": N_("The pack's name, a slash, then a short lower-case code: {example}"),
    "help:parent": N_("The id on the sheet '{sheet}' this row belongs to."),
    "help:record": N_(
        "The id of the resource, finding, framework, mapping or assessment this row belongs to."
    ),
    "help:year": N_("A year: 2021."),
    "help:date": N_("A date: 2024-03-01."),
    "help:number": N_("A number."),
    "help:free": N_("Free text."),
    "help:ref": N_(
        "The id of a record or concept, of this pack or another: ocb/boekje-bij-de-thee, ref/epstein#parenting."
    ),
    "help:url": N_(
        "A full web address (https://...) or mailto:. Never guess: leave empty when the source gives none."
    ),
    "help:licence": N_("An SPDX code such as CC-BY-4.0, or the web address of the licence."),
    "help:bool": N_("yes or no"),
    "help:source": N_("The id of a source document on the sheet '{sheet}'."),
    "help:languages": N_(
        "Language codes separated by semicolons: nl; fr; en. The first is the main language."
    ),
    "help:pack": N_(
        "Fill in column B with your pack's data. The name is short and lower-case (my-organisation): every id starts with it."
    ),
    "help:lists": N_("The drop-down lists of the other sheets. Do not change."),
    "language:nl": N_("Dutch"),
    "language:fr": N_("French"),
    "language:en": N_("English"),
    # -- problems -----------------------------------------------------------------------------
    "problem:not-a-workbook": N_("{file} is not a workbook (.xlsx, .ods) or a folder of CSV files."),
    "hint:not-a-workbook": N_(
        "Save the file from your spreadsheet program as an Excel workbook (.xlsx) or OpenDocument (.ods)."
    ),
    "problem:too-large": N_("{file} is too large: {what} (the limit is {limit})."),
    "hint:too-large": N_("Split the data over more packs, or delete empty rows and columns."),
    "problem:unsafe": N_("{file} holds something a workbook does not: {what}."),
    "hint:unsafe": N_(
        "Open it in your spreadsheet program and save it again; do not use a file of unknown origin."
    ),
    "problem:no-pack-sheet": N_("the workbook has no sheet '{sheet}' with the pack's data"),
    "hint:no-pack-sheet": N_(
        "Start from a new template: ouderbetrokkenheid sheet template --lang en --out pack.xlsx"
    ),
    "problem:unknown-sheet": N_("the sheet '{sheet}' is not a sheet of the template and is not read"),
    "hint:unknown-sheet": N_("Rename it to a sheet of the template, or leave it if it holds notes."),
    "problem:unknown-header": N_(
        "the column '{header}' is not a column of the sheet '{sheet}' and is not read"
    ),
    "hint:unknown-header": N_("Use the template's column headers; columns with notes may stay."),
    "problem:duplicate-header": N_("the column '{header}' appears twice on the sheet"),
    "hint:duplicate-header": N_("Delete one of the two."),
    "problem:formula-error": N_("the formula in this cell gives an error ({value})"),
    "hint:formula-error": N_("Fix the formula or type the value in yourself."),
    "problem:date-cell": N_("this cell became a date ({value}), but text belongs here"),
    "hint:date-cell": N_(
        "Your spreadsheet program turned what you typed (such as 1-2) into a date. Format the cell as 'Text' and type the value again."
    ),
    "problem:not-a-number": N_("'{value}' is not {what}"),
    "what:rows": N_("more than {n} rows"),
    "what:column": N_("a value in column {n}"),
    "what:bytes": N_("{n} bytes"),
    "what:parts": N_("{n} parts"),
    "what:sheets": N_("{n} sheets"),
    "what:unpacks": N_("{name} unpacks to {n} bytes (a zip bomb?)"),
    "what:entities": N_("XML entities or a DTD ({name})"),
    "what:integer": N_("a whole number"),
    "what:number": N_("a number"),
    "what:date": N_("a date (yyyy-mm-dd)"),
    "what:bool": N_("yes or no"),
    "hint:not-a-number": N_("Type {what}, with no other characters."),
    "problem:not-in-list": N_("'{value}' is not in the list '{vocabulary}'"),
    "hint:not-in-list": N_("Pick a value from the list: {choices}."),
    "problem:merged": N_("merged cells {range}: the value counts for every cell"),
    "hint:merged": N_("Check that this is meant; otherwise unmerge the cells."),
    "problem:hidden-row": N_("row {row} is hidden but it is read all the same"),
    "hint:hidden-row": N_("Delete the row if it does not belong in the pack."),
    "problem:no-parent": N_("this row belongs to '{key}', which is not on the sheet '{sheet}'"),
    "hint:no-parent": N_("Check the spelling of the id, or add that row to the sheet '{sheet}'."),
    "problem:missing-key": N_("the column '{header}' is empty, so it is not known what this row belongs to"),
    "hint:missing-key": N_("Fill in the id of the row it belongs to."),
    "problem:required": N_("'{header}' must be filled in"),
    "problem:invalid": N_("the value is not right: {detail}"),
    "problem:rule": N_("{detail}"),
    "hint:schema": N_("Check what this cell takes: the note on the column header says it."),
    "hint:required": N_("Fill in the cell; the note on the column header explains it."),
    "problem:destination-exists": N_("the folder {folder} already exists and is not empty"),
    "hint:destination-exists": N_("Choose a new folder, or give --force to replace it."),
    "problem:unreadable-csv": N_("{file} is not a readable CSV file: {detail}"),
    "hint:unreadable-csv": N_("Save the sheet as 'CSV UTF-8' from your spreadsheet program."),
}


def language_of(lang: str | None) -> str:
    """The interface language for *lang*: ``nl``, ``fr`` or ``en`` (Dutch when unknown)."""
    primary = (lang or "nl").split("-", 1)[0].lower()
    return primary if primary in LANGUAGES else "nl"


def has_word(key: str) -> bool:
    """Whether *key* has words (fields added to the model later may not)."""
    return key in _WORDS


def word(key: str, lang: str | None = None, /, **values: object) -> str:
    """The words for *key* in *lang* (``nl``, ``fr`` or ``en``), with ``{name}`` filled from *values*.

    >>> word("sheet:resources", "fr")
    'Ressources'
    >>> word("problem:required", "nl", header="titel [nl]")
    "'titel [nl]' moet ingevuld zijn"
    """
    return words(language_of(lang))(_WORDS[key], **values)


def all_words(key: str) -> Mapping[str, str]:
    """The words for *key* in every language (to recognise a header or sheet name in any of them)."""
    return {lang: words(lang).gettext(_WORDS[key]) for lang in LANGUAGES}
