"""The results page's own words (in Dutch, French and English), merged into the site's catalogue
(:data:`ouderbetrokkenheid.exporters.site.messages.MESSAGES`). The report's words are the report's
(:mod:`ouderbetrokkenheid.reports.messages`), as ``report --to html`` uses them."""

from collections.abc import Mapping

from ouderbetrokkenheid.model.text import LocalizedText


def _m(nl: str, fr: str, en: str) -> LocalizedText:
    return LocalizedText({"nl": nl, "fr": fr, "en": en})


RESULTS_MESSAGES: Mapping[str, LocalizedText] = {
    "results": _m("Resultaten van een quickscan", "Résultats d'un quickscan", "Results of a quickscan"),
    "results_link": _m(
        "Hebt u de antwoorden al? Bekijk het rapport.",
        "Vous avez déjà les réponses ? Voyez le rapport.",
        "Have the answers already? See the report.",
    ),
    "results_intro": _m(
        "Zet de antwoordbestanden van een quickscan hier neer: de bestanden die de formulieren van deze site "
        "downloaden, een CSV-bestand uit Excel of een export uit KoboToolbox of ODK. U krijgt het rapport met "
        "de scores per dimensie en groep.",
        "Déposez ici les fichiers de réponses d'un quickscan : les fichiers que les formulaires de ce site "
        "téléchargent, un fichier CSV d'Excel ou un export de KoboToolbox ou d'ODK. Vous obtenez le rapport "
        "avec les scores par dimension et par groupe.",
        "Drop the answer files of a quickscan here: the files this site's forms download, a CSV file from "
        "Excel, or a KoboToolbox or ODK export. You get the report with the scores per dimension and group.",
    ),
    "results_private": _m(
        "De bestanden worden op deze computer gelezen: er wordt niets verstuurd.",
        "Les fichiers sont lus sur cet ordinateur : rien n'est envoyé.",
        "The files are read on this computer: nothing is sent anywhere.",
    ),
    "results_instrument": _m("Instrument", "Instrument", "Instrument"),
    "results_files": _m("Antwoordbestanden", "Fichiers de réponses", "Answer files"),
    "results_drop": _m(
        "Sleep de bestanden hierheen, of kies ze:",
        "Glissez les fichiers ici, ou choisissez-les :",
        "Drag the files here, or choose them:",
    ),
    "results_choose": _m("Bestanden kiezen", "Choisir des fichiers", "Choose files"),
    "results_none": _m(
        "Geen enkel instrument van deze site heeft al vragen: er valt nog niets te scoren.",
        "Aucun instrument de ce site n'a encore de questions : il n'y a rien à évaluer.",
        "No instrument of this site has its questions yet: there is nothing to score.",
    ),
    "results_noscript": _m(
        "Deze pagina heeft JavaScript nodig. Zonder JavaScript scoort u de bestanden met de opdrachtregel: "
        "ouderbetrokkenheid score.",
        "Cette page a besoin de JavaScript. Sans JavaScript, évaluez les fichiers avec la ligne de commande : "
        "ouderbetrokkenheid score.",
        "This page needs JavaScript. Without it, score the files with the command line: "
        "ouderbetrokkenheid score.",
    ),
    "results_reading": _m("De bestanden worden gelezen…", "Lecture des fichiers…", "Reading the files…"),
    "results_read": _m("Gelezen bestanden", "Fichiers lus", "Files read"),
    "results_file_ok": _m("{n} respondenten", "{n} répondants", "{n} respondents"),
    "results_file_bad": _m(
        "{n} problemen: niet in het rapport",
        "{n} problèmes : pas dans le rapport",
        "{n} problems: not in the report",
    ),
    "results_problems": _m(
        "Problemen in de bestanden", "Problèmes dans les fichiers", "Problems in the files"
    ),
    "results_problems_intro": _m(
        "Bestanden met problemen blijven buiten het rapport. Verbeter ze en zet ze opnieuw neer.",
        "Les fichiers qui ont des problèmes restent hors du rapport. Corrigez-les et déposez-les à nouveau.",
        "Files with problems are left out of the report. Fix them and drop them again.",
    ),
    "results_no_report": _m(
        "Er is geen rapport: geen enkel bestand kon gelezen worden, of de gelezen bestanden passen niet bij "
        "elkaar.",
        "Pas de rapport : aucun fichier n'a pu être lu, ou les fichiers lus ne vont pas ensemble.",
        "There is no report: no file could be read, or the files read do not go together.",
    ),
    "results_file": _m("Bestand", "Fichier", "File"),
    "results_row": _m("Rij", "Ligne", "Row"),
    "results_column": _m("Kolom", "Colonne", "Column"),
    "results_problem": _m("Probleem", "Problème", "Problem"),
    "results_todo": _m("Wat te doen", "Que faire", "What to do"),
    "results_print": _m("Rapport afdrukken", "Imprimer le rapport", "Print the report"),
    "results_download": _m(
        "Resultaat downloaden (JSON)", "Télécharger le résultat (JSON)", "Download the result (JSON)"
    ),
    "results_other": _m(
        "Deze bestanden horen bij een ander instrument: {title}. Kies het hierboven.",
        "Ces fichiers appartiennent à un autre instrument : {title}. Choisissez-le ci-dessus.",
        "These files belong to another instrument: {title}. Choose it above.",
    ),
}
