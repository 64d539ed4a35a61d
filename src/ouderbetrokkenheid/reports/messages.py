"""The words of the reports and the paper form that are ours, not the pack's: headings, column names,
notes. A key for each, its English text marked for the gettext catalogue (:mod:`ouderbetrokkenheid.i18n`);
a language without a catalogue falls back to Dutch.

Also the few locale rules the reports need: which language the interface is written in, the decimal
separator, and the writing direction.
"""

import string
from collections.abc import Callable, Mapping

from ouderbetrokkenheid.i18n import COMPLETE, N_, NP_, words
from ouderbetrokkenheid.model.direction import RTL_SCRIPTS

#: The languages the catalogue is complete in; the first is the fallback.
LANGUAGES: tuple[str, ...] = COMPLETE

#: Languages written right to left (primary subtags): those whose likely script in CLDR (as langcodes
#: has it, see :mod:`ouderbetrokkenheid.model.direction`) is one of ``RTL_SCRIPTS``. Written out, so that
#: asking costs nothing and ``assets/ob-report.js`` can hold the same list; tests/test_site_rtl.py
#: recomputes it from langcodes, and tests/test_site_score.py keeps the script's list equal to this one.
RTL_LANGUAGES = frozenset(
    (  # noqa: SIM905 - 74 codes; a list literal would take 74 lines
        "aeb apc apd ar arq ars ary arz avl bal bej bft bgn bqi brh cja ckb dcc dgl dv fa fia fub gbz gjk "
        "gju glk gwc gwt haz he hnd hno iw ji kby khw ks kvx kxp kzh lad lah lki lrc luz mde mfa mki mvy "
        "myz mzn nqo oru ota phl prd ps rhg rmt scl sd sdh shu skr smp swb syr trw ug ur wni yi zdj"
    ).split()
)

#: Languages that write a decimal comma (primary subtags); the others get a decimal point.
DECIMAL_COMMA = frozenset({"nl", "fr", "de", "es", "it", "pt", "tr", "pl", "ro", "ru", "uk", "bg", "sq"})


#: Message key -> English msgid. Placeholders are ``str.format`` fields.
MESSAGES: Mapping[str, str] = {
    # report
    "report": N_("Report"),
    "report_of": N_("Report: {title}"),
    "instrument": N_("Instrument"),
    "version": N_("version {version}"),
    "respondents": NP_("people who answered", "Respondents"),
    "group": N_("Group"),
    "suppressed": N_("fewer than {n} respondents — not shown"),
    "suppressed_note": N_(
        "Groups with fewer than {n} respondents are not shown, to protect privacy: {groups}."
    ),
    "scores": N_("Score per dimension"),
    "scores_intro": N_("The score converts the mean to a scale from 0 to 100. Levels: {bands}."),
    "mean": N_("Mean"),
    "score": N_("Score (0-100)"),
    "band": N_("Level"),
    "answers": N_("Answers"),
    "no_answers": NP_("report", "no answers"),
    "no_scores": N_("There are no scores to show."),
    "gaps": N_("Perception gaps"),
    "gaps_intro": N_("The gap is the first group's score minus the second group's, in points out of 100."),
    "gap_between": N_("{first} − {second}"),
    "label_value": N_("{label}: {value}"),
    "gap_items": N_("Statements that differ most:"),
    "no_gaps": N_("There are no differences between groups to show."),
    "strengths": N_("Strong points"),
    "work_points": N_("Points to work on"),
    "none": N_("None."),
    "recommendations": N_("Recommendations"),
    "no_recommendations": N_("There are no recommendations."),
    "chart_scores": N_(
        "Bar chart: score per dimension and group on a 0 to 100 axis, with the level boundaries marked."
    ),
    "chart_gaps": N_("Chart: difference in score between two groups per dimension, from 0."),
    "chart_gaps_right": N_("right: first group higher"),
    "chart_gaps_left": N_("left: second group higher"),
    "legend": N_("Legend"),
    "generated": N_("Made with ouderbetrokkenheid {version}."),
    "min_group": N_("Minimum group size: {n}."),
    # paper form
    "form_title": N_("Questionnaire"),
    "form_for": N_("For: {group}"),
    "instructions": N_("How to fill in"),
    "instruction_tick": N_("For each statement, tick one box: the answer that fits best."),
    "instruction_na": N_(
        "Don't know, or the statement does not apply? Then tick the box in the last column."
    ),
    "instruction_honest": N_("There are no right or wrong answers."),
    "statement": N_("Statement"),
    "number": N_("No."),
    "thanks": N_("Thank you!"),
    "meta_instrument": N_("instrument"),
    "meta_version": N_("version"),
    "meta_group": N_("group"),
    "meta_language": N_("language"),
    "meta_respondent": N_("respondent"),
}


def ui_language(lang: str | None) -> str:
    """The catalogue language used for *lang*: the first of its fallback chain that has a catalogue,
    else Dutch."""
    return words(lang).lang


def message_language(key: str, lang: str | None, /) -> str:
    """The language the message *key* is really written in for *lang*: a partial catalogue (Arabic,
    Turkish ...) gives the words it has not translated yet in Dutch, and those are marked as Dutch,
    left to right, on the page."""
    return words(lang).lookup(MESSAGES[key])[1] or "en"


def message_languages(lang: str | None) -> dict[str, str]:
    """:func:`message_language` of every message of the reports (key -> language)."""
    return {key: message_language(key, lang) for key in MESSAGES}


def message(key: str, lang: str | None, /, **fields: object) -> str:
    """The message *key* in the catalogue language for *lang*, with *fields* filled in."""
    text = words(lang).gettext(MESSAGES[key])
    return text.format(**fields) if fields else text


def all_messages(lang: str | None) -> dict[str, str]:
    """Every message of the reports in the catalogue language for *lang* (key -> text)."""
    found = words(lang)
    return {key: found.gettext(msgid) for key, msgid in MESSAGES.items()}


def compose(key: str, lang: str | None, escape: Callable[[str], str], /, **fields: str) -> str:
    """The message *key* for an output format: its own words escaped with *escape*, the *fields*
    inserted as given (the caller has escaped or marked them up already)."""
    template = words(lang).gettext(MESSAGES[key])
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(escape(literal))
        if field is not None:
            parts.append(fields[field])
    return "".join(parts)


def primary(lang: str | None) -> str:
    """The primary subtag of *lang* (``nl`` for ``nl-BE``), or ``""``."""
    return (lang or "").split("-", 1)[0].lower()


def direction(lang: str | None) -> str:
    """``rtl`` for languages written right to left, else ``ltr``: by the tag's script subtag when it has
    one, else by its language (``ob-report.js`` has the same rule).

    >>> direction("ar"), direction("nl-BE"), direction("uz-Arab"), direction("ar-Latn"), direction("kzh")
    ('rtl', 'ltr', 'rtl', 'ltr', 'rtl')
    """
    subtags = (lang or "").split("-")
    for subtag in subtags[1:]:
        if len(subtag) == 1:  # a singleton: extensions and private use follow
            break
        if len(subtag) == 4 and subtag.isalpha():
            return "rtl" if subtag.title() in RTL_SCRIPTS else "ltr"
    return "rtl" if primary(lang) in RTL_LANGUAGES else "ltr"


def format_number(value: float, lang: str | None, digits: int = 1, *, signed: bool = False) -> str:
    """*value* with *digits* decimals, with the decimal separator of *lang* and a real minus sign
    (``−``); with *signed*, positive values get ``+``."""
    text = f"{abs(value):.{digits}f}"
    if primary(lang) in DECIMAL_COMMA:
        text = text.replace(".", ",")
    if round(value, digits) < 0:
        return "−" + text
    if signed and round(value, digits) > 0:
        return "+" + text
    return text
