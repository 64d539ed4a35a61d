"""The site's own words (navigation, headings, field names, the scale legends): a key for each, its
English text marked for the gettext catalogue (:mod:`ouderbetrokkenheid.i18n`). Content comes from the
packs; only these words are ours. A page in a language that has no catalogue gets them in Dutch, marked
``lang="nl"``; a parents' home language (ar, tr, pl, ro, es, pt, uk) has the words of the quickscan page
and its frame, machine-translated by this project (its quickscan pages say so), and the rest in Dutch.
"""

import functools
from collections.abc import Mapping

from ouderbetrokkenheid.i18n import COMPLETE, N_, words
from ouderbetrokkenheid.reports.view import Text

#: The languages the site's words are complete in; the first is the fallback.
UI_LANGUAGES: tuple[str, ...] = COMPLETE


#: Message key -> English msgid. Placeholders are ``str.format`` fields, filled in (escaped) by the caller.
MESSAGES: Mapping[str, str] = {
    # frame
    "site_title": N_("Parental involvement"),
    "skip": N_("Skip to content"),
    "nav_main": N_("Main menu"),
    "nav_lang": N_("Language"),
    "home": N_("Home"),
    "catalog": N_("Catalogue"),
    "evidence": N_("Evidence"),
    "instruments": N_("Instruments"),
    "frameworks": N_("Reference frameworks"),
    "search_label": N_("Search the catalogue"),
    "search_button": N_("Search"),
    "footer_made": N_(
        "Made with ouderbetrokkenheid {version}. This site works without an internet connection."
    ),
    "footer_content": N_("Content from the packs:"),
    "choose_language": N_("Choose a language"),
    # home
    "home_intro": N_(
        "Resources, reference frameworks, research and instruments on the cooperation between parents and "
        "school, brought together from {packs} content packs."
    ),
    "home_frameworks_intro": N_(
        "Each framework looks at parental involvement in its own way. Each one says whether its parts "
        "have an order."
    ),
    "home_tasks": N_("What would you like to do?"),
    "task_find": N_("Find material"),
    "task_find_text": N_("Search {n} resources: brochures, guides, research and examples from schools."),
    "task_quickscan": N_("Take a quickscan"),
    "task_quickscan_text": N_(
        "See together where your school stands: fill in a questionnaire on a phone or a computer and see "
        "your scores at once. Your answers stay on your device."
    ),
    "task_research": N_("See what research says"),
    "task_research_text": N_("{n} research findings, with how strong the evidence is."),
    "task_frameworks": N_("Explore the frameworks"),
    "task_frameworks_text": N_("{n} ways of looking at parental involvement, and how they line up."),
    "home_for_you": N_("Straight to what suits you"),
    "for_teacher": N_("For a teacher"),
    "for_teacher_text": N_("Material for talking with parents and for the classroom."),
    "for_council": N_("For a parent council"),
    "for_council_text": N_("Material for a parent council, and a quickscan to fill in together."),
    "for_parent": N_("For a parent"),
    "for_parent_text": N_("Material for parents: how to support the school and your child."),
    "material_for_you": N_("Material for you"),
    "n_concepts": N_("{n} concepts"),
    "no_resources_yet": N_("No resources for this concept yet."),
    "see_also_frameworks": N_("In other frameworks:"),
    # record types (facet "kind" for records that are not resources)
    "type_framework": N_("reference framework"),
    "type_finding": N_("research finding"),
    "type_assessment": N_("instrument"),
    # catalog
    "catalog_intro": N_(
        "Search for a word or the start of a word (home also finds homework) and narrow down with the "
        "filters. Capitals and accents do not matter."
    ),
    "filters": N_("Filters"),
    "clear_filters": N_("Clear all"),
    "facet_theme": N_("Theme"),
    "facet_audience": N_("Audience"),
    "facet_level": N_("Education level"),
    "facet_kind": N_("Kind"),
    "facet_language": N_("Language of the resource"),
    "facet_access": N_("Access"),
    "free": N_("free"),
    "results": N_("Results"),
    "results_all": N_("{n} items in the catalogue"),
    "results_n": N_("{n} results"),
    "results_one": N_("1 result"),
    "results_none": N_("No results. Try another word or fewer filters."),
    "results_unmatched": N_("No item has: {words}"),
    "show_more": N_("Show more"),
    "js_needed": N_(
        "Searching and filtering need JavaScript. The first items follow; all of them are on the full list."
    ),
    "full_list": N_("Full list of the {n} items"),
    "full_list_title": N_("Every item in the catalogue"),
    "full_list_intro": N_(
        "The catalogue's {n} items: resources first, then frameworks, instruments and findings, each in "
        "alphabetical order."
    ),
    # resource fields
    "kind": N_("Kind"),
    "subtitle": N_("Subtitle"),
    "summary": N_("Description"),
    "authors": N_("Authors"),
    "publisher": N_("Publisher"),
    "year": N_("Year"),
    "edition": N_("Edition"),
    "isbn": N_("ISBN"),
    "languages": N_("Available in"),
    "audiences": N_("For whom"),
    "levels": N_("Education level"),
    "themes": N_("Themes"),
    "free_field": N_("Free"),
    "yes": N_("yes"),
    "no": N_("no"),
    "licence": N_("Licence"),
    "part_of": N_("Part of"),
    "links": N_("Where to find it"),
    "no_links": N_("The source gives no address for this resource."),
    "via": N_("via {provider}"),
    "concepts": N_("Framework concepts"),
    "known_gaps": N_("What is not known"),
    "related": N_("Related resources"),
    "all_languages": N_("In every language"),
    "pack": N_("Pack"),
    "table_of": N_("Table: {name}"),
    "not_loaded": N_("(a record of a pack that is not loaded here)"),
    "source_unknown": N_("(source not described in the pack)"),
    # provenance
    "provenance": N_("Provenance"),
    "source": N_("Source"),
    "retrieved": N_("Retrieved"),
    "locator": N_("Location in the source"),
    "status": N_("Verification"),
    "source_language": N_("Source language"),
    "translations": N_("Translations"),
    "translated_by": N_("{method}, by {by}"),
    # a label and its value ("Status: checked"): French writes a space before the colon
    "label_value": N_("{label}: {value}"),
    "label_colon": N_("{label}:"),
    "note": N_("Note"),
    # frameworks
    "content_status": N_("Completeness"),
    "concept_list": N_("Concepts"),
    "collections": N_("Collections"),
    "ordered": N_("in order"),
    "unordered": N_("no ranking"),
    "expected_members": N_("According to the source there are {n}; not all names are known."),
    "alt_labels": N_("Also"),
    "aligned": N_("Resources aligned with this framework"),
    "aligned_none": N_("No resource refers to this framework's concepts yet."),
    "crosswalks": N_("Crosswalks"),
    "crosswalks_none": N_("No crosswalks to other frameworks are recorded."),
    "mapping_subject": N_("Concept"),
    "relation": N_("Relation"),
    "mapping_object": N_("Compared with"),
    "confidence": N_("Confidence"),
    "justification": N_("Justification"),
    "mapped_by": N_("By"),
    "described_in": N_("Described in"),
    # evidence
    "evidence_intro": N_(
        "Research findings with their sources. Where an effect size is reported it is drawn on the scale "
        "of its metric, one per edition of the source that gives it."
    ),
    "with_effects": N_("With a reported effect"),
    "without_effects": N_("Without an effect size"),
    "effects": N_("Effects"),
    "sources": N_("Sources"),
    "caveats": N_("Caveats"),
    "reported_in": N_("reported in {edition}"),
    "evidence_rating": N_("Strength of evidence"),
    "cost_rating": N_("Cost"),
    "rating_of": N_("{value} of {max}"),
    "chart_title": N_("{metric} on the scale {scale}"),
    "scale_hattie": N_("of Hattie's barometer (−0.2 to 1.2)"),
    "scale_months": N_("of months of progress (−12 to 12)"),
    "scale_correlation": N_("from −1 to 1"),
    "zone_reverse": N_("Reverse effects"),
    "zone_developmental": N_("Developmental effects"),
    "zone_teacher": N_("Teacher effects"),
    "zone_desired": N_("Zone of desired effects"),
    "hinge": N_("hinge point {value}"),
    "hinge_note": N_(
        "The 0.40 hinge point and the zones come from Hattie's barometer; the hinge point is criticised as "
        "arbitrary."
    ),
    "no_effect_line": N_("no effect ({value})"),
    "effect_in_zone": N_("{value}: {zone}"),
    "beyond_scale": N_("beyond the scale"),
    "months_value": N_("{value} months"),
    # instruments
    "instruments_intro": N_(
        "Self-assessment instruments and quickscans. Instruments whose questions are known have printable "
        "forms per group and language."
    ),
    "version": N_("Version"),
    "target": N_("What is assessed"),
    "framework": N_("Framework"),
    "groups": N_("Respondents"),
    "forms": N_("Printable forms"),
    "form_link": N_("form for {group} ({language})"),
    "details": N_("All questions and scales"),
    "dimensions": N_("Dimensions"),
    "questions": N_("Questions"),
    "number": N_("No."),
    "dimension": N_("Dimension"),
    "scale": N_("Scale"),
    "scale_n": N_("Scale {n}"),
    "one_scale": N_("Answer scale for every question: {scale}"),
    "scales": N_("Answer scales"),
    "bands": N_("What the scores mean"),
    "band": N_("Band"),
    "range": N_("From – to"),
    "meaning": N_("Meaning"),
    "needs_work": N_("needs work"),
    "reverse": N_("reverse-scored"),
    "optional": N_("optional"),
    "not_scored": N_("not scored"),
    "answer": N_("Answer"),
    "score": N_("Score"),
    "min_group_size": N_("Groups with fewer than {n} respondents are not reported."),
    # the quickscan in the browser
    "quickscan": N_("Quickscan"),
    "quickscans": N_("Quickscans to fill in"),
    "quickscans_intro": N_(
        "Fill in a quickscan on a phone or a computer, alone or together in a meeting. Your answers stay "
        "in your browser."
    ),
    "qs_fill_in": N_("Fill in in the browser"),
    "qs_who": N_("Who fills this in: {group}"),
    "qs_other_groups": N_("The same quickscan for:"),
    "qs_intro": N_(
        "Fill this in alone, or together as a team in a meeting: one person ticks the answer the group "
        "agrees on. Every answer is kept in this browser as you give it: a reload or a closed tab loses "
        "nothing. Your answers do not leave this device unless you download them yourself."
    ),
    "qs_noscript": N_("This form needs JavaScript to keep your answers. Otherwise, use the printable form."),
    "qs_progress": N_("{done} of {total} questions answered"),
    "qs_saved": N_("Saved on this device."),
    "qs_not_saved": N_(
        "This browser cannot keep anything (a private window?): download your answers before you close "
        "the page."
    ),
    "qs_finish": N_("Done: show my scores"),
    "qs_missing": N_("{n} required questions still have no answer:"),
    "qs_question_n": N_("question {n}"),
    "qs_your_answers": N_("Your answers"),
    "qs_download_json": N_("Download the answers (JSON)"),
    "qs_download_csv": N_("Download the answers (CSV, for a spreadsheet)"),
    "qs_download_note": N_(
        "A coordinator can put everyone's files together into a report. The files hold these answers "
        "only; nothing is sent anywhere."
    ),
    "qs_print": N_("Print"),
    "qs_print_title": N_("Answers"),
    "qs_clear": N_("Start again"),
    "qs_clear_confirm": N_("Clear every answer on this device and start again?"),
    "qs_results": N_("Your scores"),
    "qs_results_intro": N_(
        "Per dimension a score from 0 (the lowest answer to every question) to 100 (the highest), with the "
        "band and material that can help."
    ),
    "qs_recommended": N_("Material that can help"),
    "qs_no_answers": N_("no answers"),
    "qs_no_scoring": N_(
        "Scoring in the browser is not part of this version of the site yet. Your answers are kept: "
        "download them and give them to your coordinator, or score them with the command "
        "ouderbetrokkenheid score."
    ),
    "qs_score_error": N_("The scores could not be computed; your answers are kept."),
    "items_unknown": N_("The questions of this instrument are not known, so there is no form."),
}

#: Language names, each in nl/fr/en (for the language facet and the "in every language" section).
LANGUAGE_NAMES: Mapping[str, str] = {
    "nl": N_("Dutch"),
    "fr": N_("French"),
    "en": N_("English"),
    "de": N_("German"),
    "ar": N_("Arabic"),
    "ary": N_("Moroccan Arabic"),
    "tr": N_("Turkish"),
    "es": N_("Spanish"),
    "it": N_("Italian"),
    "pt": N_("Portuguese"),
    "pl": N_("Polish"),
    "ro": N_("Romanian"),
    "bg": N_("Bulgarian"),
    "ru": N_("Russian"),
    "uk": N_("Ukrainian"),
    "sq": N_("Albanian"),
    "so": N_("Somali"),
    "ti": N_("Tigrinya"),
    "fa": N_("Persian"),
    "ps": N_("Pashto"),
    "zgh": N_("Tamazight"),
    "ber": N_("Berber"),
}

#: Each site language's name in itself, for the language switch.
AUTONYMS: Mapping[str, str] = {
    "nl": "Nederlands",
    "fr": "Français",
    "en": "English",
    "de": "Deutsch",
    "ar": "العربية",
    "tr": "Türkçe",
    "es": "Español",
    "pl": "Polski",
    "ro": "Română",
    "pt": "Português",
    "uk": "Українська",
}


@functools.cache
def ui_language(lang: str) -> str:
    """The language the site's words are shown in for a page in *lang*."""
    return words(lang).lang


@functools.cache
def ui(key: str, lang: str) -> Text:
    """The message *key* for a page in *lang*, with the language it is really written in."""
    text, tag = words(lang).lookup(MESSAGES[key])
    return Text(text=text, lang=tag)


@functools.cache
def language_name(code: str, lang: str) -> Text:
    """The name of the language *code* in the words of a page in *lang* (the code itself if unknown)."""
    name = LANGUAGE_NAMES.get(code) or LANGUAGE_NAMES.get(code.split("-", 1)[0])
    if name is None:
        return Text(text=code, lang="")
    text, tag = words(lang).lookup(name)
    return Text(text=text, lang=tag)


# The results page's words live in their own module (one concept per module); the catalogue holds them too.
from ouderbetrokkenheid.exporters.site.results_words import RESULTS_MESSAGES  # noqa: E402

MESSAGES = {**MESSAGES, **RESULTS_MESSAGES}
