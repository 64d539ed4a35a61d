"""The catalog page: a search field and facets that ``search.js`` brings to life, and the full list of
records as plain HTML (what a visitor without JavaScript, or a crawler, gets).

The search runs in the browser over ``assets/search-index.<lang>.js`` (see
:mod:`~ouderbetrokkenheid.exporters.site.search`); the results update as you type (debounced), the
number of results is announced in a ``role="status"`` region, and the query and facets are kept in the
address (``#q=...&theme=...``), so the language switch and the back button keep them.
"""

from collections import Counter
from typing import Any

from markupsafe import Markup

from ouderbetrokkenheid.exporters.site.context import SiteContext
from ouderbetrokkenheid.exporters.site.markup import esc, m, m_text, page
from ouderbetrokkenheid.exporters.site.search import FACETS


def _result_item(doc: dict[str, Any], kinds: dict[str, str], mt: dict[str, str]) -> str:
    """One result, as ``search.js`` renders it too."""
    title_lang = f' lang="{esc(doc["tl"])}"' if doc.get("tl") else ""
    meta = esc(kinds.get(doc["k"], doc["k"]))
    if doc.get("y"):
        meta += f" · {esc(doc['y'])}"
    if doc.get("m"):  # its title or summary here is a machine translation
        mark_lang = f' lang="{esc(mt["lang"])}"' if mt["lang"] else ""
        meta += f' <span class="mt-mark"{mark_lang}>({esc(mt["text"])})</span>'
    snippet = ""
    if doc.get("s"):
        snippet_lang = f' lang="{esc(doc["sl"])}"' if doc.get("sl") else ""
        snippet = f'<p class="snippet"{snippet_lang}>{esc(doc["s"])}</p>'
    return (
        f'<li><a href="{esc(doc["u"])}"{title_lang}>{esc(doc["t"])}</a> '
        f'<span class="meta">{meta}</span>{snippet}</li>\n'
    )


def render_catalog(ctx: SiteContext, lang: str, path: str, index: dict[str, Any]) -> str:
    """The catalog page in *lang*; *index* is the search index for *lang* (the same data search.js gets)."""
    docs = index["docs"]
    counts: dict[str, Counter[int]] = {name: Counter() for name, _ in FACETS}
    for doc in docs:
        for (name, _), values in zip(FACETS, doc["f"], strict=True):
            counts[name].update(values)
    facets = []
    for number, facet in enumerate(index["facets"]):
        name = facet["name"]
        if not facet["values"]:
            continue
        items = []
        for i, (code, label, label_lang) in enumerate(
            zip(facet["values"], facet["labels"], facet["langs"], strict=True)
        ):
            box = f"f-{name}-{i}"
            marker = f' lang="{esc(label_lang)}"' if label_lang else ""
            items.append(
                f'<li><input type="checkbox" id="{box}" name="{esc(name)}" value="{esc(code)}">'
                f'<label for="{box}"><span{marker}>{esc(label)}</span> '
                f'<span class="count">({counts[name][i]})</span></label></li>'
            )
        facets.append(
            f'<details class="facet" data-facet="{esc(name)}"{" open" if number == 0 else ""}>'
            f"<summary>{esc(facet['label'])}</summary>\n"
            f'<fieldset><legend class="vh">{esc(facet["label"])}</legend>\n'
            f"<ul>{''.join(items)}</ul></fieldset></details>\n"
        )
    # the first page of results as plain HTML; every record is on the full list (list.html)
    results = "".join(
        _result_item(docs[i], index["kinds"], index["mt"]) for i in index["browse"][: index["pageSize"]]
    )
    total = m_text("results_all", lang).format(n=len(docs))
    return page(
        ctx.frame(path, lang, "catalog"),
        title=m_text("catalog", lang),
        body="",
        template="catalog.html",
        scripts=(f"assets/search-index.{lang}.js", "assets/search.js"),
        search_box=False,
        intro=Markup(m("catalog_intro", lang)),  # noqa: S704 - escaped by m
        results_heading=Markup(m("results", lang)),  # noqa: S704
        total=total,
        js_needed=Markup(m("js_needed", lang)),  # noqa: S704
        results=Markup(results),  # noqa: S704 - escaped by _result_item
        show_more=Markup(m("show_more", lang)),  # noqa: S704
        full_list=Markup(m("full_list", lang, n=esc(len(docs)))),  # noqa: S704
        filters_heading=Markup(m("filters", lang)),  # noqa: S704
        facets=Markup("".join(facets)),  # noqa: S704 - escaped above
        clear_filters=Markup(m("clear_filters", lang)),  # noqa: S704
    )


def render_list(ctx: SiteContext, lang: str, path: str, index: dict[str, Any]) -> str:
    """Every record of the catalog on one plain page, in browse order (no script needed)."""
    results = "".join(_result_item(index["docs"][i], index["kinds"], index["mt"]) for i in index["browse"])
    body = (
        f"<h1>{m('full_list_title', lang)}</h1>\n"
        f'<p class="lead">{m("full_list_intro", lang, n=esc(len(index["docs"])))}</p>\n'
        f'<ol class="results">\n{results}</ol>\n'
    )
    return page(
        ctx.frame(path, lang, "catalog"),
        title=m_text("full_list_title", lang),
        body=body,
        template="list.html",
    )
