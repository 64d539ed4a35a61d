"""The words of the reports and the paper form that are ours, not the pack's: headings, column names,
notes. A small catalogue in Dutch, French and English; any other language falls back to Dutch.

Also the few locale rules the reports need: which language the interface is written in, the decimal
separator, and the writing direction.
"""

import string
from collections.abc import Callable, Mapping

from ouderbetrokkenheid.model.text import LocalizedText, fallback_chain

#: The languages the catalogue is written in; the first is the fallback.
LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")

#: Languages written right to left (primary subtags).
RTL_LANGUAGES = frozenset({"ar", "ary", "arz", "apc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})

#: Languages that write a decimal comma (primary subtags); the others get a decimal point.
DECIMAL_COMMA = frozenset({"nl", "fr", "de", "es", "it", "pt", "tr", "pl", "ro", "ru", "uk", "bg", "sq"})


def _m(nl: str, fr: str, en: str) -> LocalizedText:
    return LocalizedText({"nl": nl, "fr": fr, "en": en})


#: Message key -> text. Placeholders are ``str.format`` fields.
MESSAGES: Mapping[str, LocalizedText] = {
    # report
    "report": _m("Rapport", "Rapport", "Report"),
    "report_of": _m("Rapport: {title}", "Rapport : {title}", "Report: {title}"),
    "instrument": _m("Instrument", "Instrument", "Instrument"),
    "version": _m("versie {version}", "version {version}", "version {version}"),
    "respondents": _m("Respondenten", "Répondants", "Respondents"),
    "group": _m("Groep", "Groupe", "Group"),
    "suppressed": _m(
        "minder dan {n} respondenten — niet getoond",
        "moins de {n} répondants — non affiché",
        "fewer than {n} respondents — not shown",
    ),
    "suppressed_note": _m(
        "Groepen met minder dan {n} respondenten worden niet getoond, om de privacy te beschermen: {groups}.",
        "Les groupes de moins de {n} répondants ne sont pas affichés, pour protéger la vie privée : {groups}.",
        "Groups with fewer than {n} respondents are not shown, to protect privacy: {groups}.",
    ),
    "scores": _m("Score per dimensie", "Score par dimension", "Score per dimension"),
    "scores_intro": _m(
        "De score zet het gemiddelde om naar een schaal van 0 tot 100. Niveaus: {bands}.",
        "Le score convertit la moyenne sur une échelle de 0 à 100. Niveaux : {bands}.",
        "The score converts the mean to a scale from 0 to 100. Levels: {bands}.",
    ),
    "mean": _m("Gemiddelde", "Moyenne", "Mean"),
    "score": _m("Score (0-100)", "Score (0-100)", "Score (0-100)"),
    "band": _m("Niveau", "Niveau", "Level"),
    "answers": _m("Antwoorden", "Réponses", "Answers"),
    "no_answers": _m("geen antwoorden", "aucune réponse", "no answers"),
    "no_scores": _m(
        "Er zijn geen scores om te tonen.",
        "Il n'y a pas de scores à afficher.",
        "There are no scores to show.",
    ),
    "gaps": _m("Verschil in beleving", "Écart de perception", "Perception gaps"),
    "gaps_intro": _m(
        "Het verschil is de score van de eerste groep min die van de tweede, in punten op 100.",
        "L'écart est le score du premier groupe moins celui du second, en points sur 100.",
        "The gap is the first group's score minus the second group's, in points out of 100.",
    ),
    "gap_between": _m("{first} − {second}", "{first} − {second}", "{first} − {second}"),
    "label_value": _m("{label}: {value}", "{label} : {value}", "{label}: {value}"),
    "gap_items": _m(
        "Uitspraken met het grootste verschil:",
        "Énoncés avec le plus grand écart :",
        "Statements that differ most:",
    ),
    "no_gaps": _m(
        "Er zijn geen verschillen tussen groepen om te tonen.",
        "Il n'y a pas d'écarts entre groupes à afficher.",
        "There are no differences between groups to show.",
    ),
    "strengths": _m("Sterke punten", "Points forts", "Strong points"),
    "work_points": _m("Werkpunten", "Points à améliorer", "Points to work on"),
    "none": _m("Geen.", "Aucun.", "None."),
    "recommendations": _m("Aanbevelingen", "Recommandations", "Recommendations"),
    "no_recommendations": _m(
        "Er zijn geen aanbevelingen.", "Il n'y a pas de recommandations.", "There are no recommendations."
    ),
    "chart_scores": _m(
        "Staafdiagram: score per dimensie en groep, op een as van 0 tot 100, met de grenzen van de niveaus.",
        "Diagramme en barres : score par dimension et par groupe, sur un axe de 0 à 100, avec les limites des niveaux.",
        "Bar chart: score per dimension and group on a 0 to 100 axis, with the level boundaries marked.",
    ),
    "chart_gaps": _m(
        "Diagram: verschil in score tussen twee groepen per dimensie, vanaf 0.",
        "Diagramme : écart de score entre deux groupes par dimension, à partir de 0.",
        "Chart: difference in score between two groups per dimension, from 0.",
    ),
    "chart_gaps_right": _m(
        "rechts: eerste groep hoger", "à droite : premier groupe plus haut", "right: first group higher"
    ),
    "chart_gaps_left": _m(
        "links: tweede groep hoger", "à gauche : second groupe plus haut", "left: second group higher"
    ),
    "legend": _m("Legende", "Légende", "Legend"),
    "generated": _m(
        "Gemaakt met ouderbetrokkenheid {version}.",
        "Créé avec ouderbetrokkenheid {version}.",
        "Made with ouderbetrokkenheid {version}.",
    ),
    "min_group": _m(
        "Minimale groepsgrootte: {n}.", "Taille minimale d'un groupe : {n}.", "Minimum group size: {n}."
    ),
    # paper form
    "form_title": _m("Vragenlijst", "Questionnaire", "Questionnaire"),
    "form_for": _m("Voor: {group}", "Pour : {group}", "For: {group}"),
    "instructions": _m("Zo vult u de vragenlijst in", "Comment remplir le questionnaire", "How to fill in"),
    "instruction_tick": _m(
        "Kruis bij elke uitspraak één vakje aan: het antwoord dat het best past.",
        "Pour chaque énoncé, cochez une seule case : la réponse qui convient le mieux.",
        "For each statement, tick one box: the answer that fits best.",
    ),
    "instruction_na": _m(
        "Weet u het niet, of past de uitspraak niet? Kruis dan het vakje in de laatste kolom aan.",
        "Vous ne savez pas, ou l'énoncé ne s'applique pas ? Cochez alors la case de la dernière colonne.",
        "Don't know, or the statement does not apply? Then tick the box in the last column.",
    ),
    "instruction_honest": _m(
        "Er zijn geen goede of foute antwoorden.",
        "Il n'y a pas de bonnes ou de mauvaises réponses.",
        "There are no right or wrong answers.",
    ),
    "statement": _m("Uitspraak", "Énoncé", "Statement"),
    "number": _m("Nr.", "N°", "No."),
    "thanks": _m("Dank u wel!", "Merci !", "Thank you!"),
    "meta_instrument": _m("instrument", "instrument", "instrument"),
    "meta_version": _m("versie", "version", "version"),
    "meta_group": _m("groep", "groupe", "group"),
    "meta_language": _m("taal", "langue", "language"),
    "meta_respondent": _m("respondent", "répondant", "respondent"),
}


def ui_language(lang: str | None) -> str:
    """The catalogue language used for *lang*: the first of its fallback chain that the catalogue has,
    else Dutch."""
    for tag in fallback_chain(lang, fallback=()):
        if tag in LANGUAGES:
            return tag
    return LANGUAGES[0]


def message(key: str, lang: str | None, /, **fields: object) -> str:
    """The message *key* in the catalogue language for *lang*, with *fields* filled in."""
    text = MESSAGES[key].get_text(ui_language(lang), fallback=LANGUAGES[:1])
    return text.format(**fields) if fields else text


def compose(key: str, lang: str | None, escape: Callable[[str], str], /, **fields: str) -> str:
    """The message *key* for an output format: its own words escaped with *escape*, the *fields*
    inserted as given (the caller has escaped or marked them up already)."""
    template = MESSAGES[key].get_text(ui_language(lang), fallback=LANGUAGES[:1])
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
    """``rtl`` for languages written right to left, else ``ltr``."""
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
