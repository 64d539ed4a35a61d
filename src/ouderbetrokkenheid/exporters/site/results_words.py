"""The results page's own words (English msgids of the gettext catalogue), merged into the site's catalogue
(:data:`ouderbetrokkenheid.exporters.site.messages.MESSAGES`). The report's words are the report's
(:mod:`ouderbetrokkenheid.reports.messages`), as ``report --to html`` uses them."""

from collections.abc import Mapping

from ouderbetrokkenheid.i18n import N_

#: Message key -> English msgid (the catalogue has the translations).
RESULTS_MESSAGES: Mapping[str, str] = {
    "results_title": N_("Results of a quickscan"),
    "results_link": N_("Have the answers already? See the report."),
    "results_intro": N_(
        "Drop the answer files of a quickscan here: the files this site's forms download, a CSV file from "
        "Excel, or a KoboToolbox or ODK export. You get the report with the scores per dimension and group."
    ),
    "results_private": N_("The files are read on this computer: nothing is sent anywhere."),
    "results_instrument": N_("Instrument"),
    "results_files": N_("Answer files"),
    "results_drop": N_("Drag the files here, or choose them:"),
    "results_choose": N_("Choose files"),
    "results_no_instrument": N_(
        "No instrument of this site has its questions yet: there is nothing to score."
    ),
    "results_noscript": N_(
        "This page needs JavaScript. Without it, score the files with the command line: "
        "ouderbetrokkenheid score."
    ),
    "results_reading": N_("Reading the files…"),
    "results_read": N_("Files read"),
    "results_file_ok": N_("{n} respondents"),
    "results_file_bad": N_("{n} problems: not in the report"),
    "results_problems": N_("Problems in the files"),
    "results_problems_intro": N_(
        "Files with problems are left out of the report. Fix them and drop them again."
    ),
    "results_no_report": N_(
        "There is no report: no file could be read, or the files read do not go together."
    ),
    "results_file": N_("File"),
    "results_row": N_("Row"),
    "results_column": N_("Column"),
    "results_problem": N_("Problem"),
    "results_todo": N_("What to do"),
    "results_print": N_("Print the report"),
    "results_download": N_("Download the result (JSON)"),
    "results_other": N_("These files belong to another instrument: {title}. Choose it above."),
}
