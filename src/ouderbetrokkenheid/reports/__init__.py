"""Reports on assessment results for people: Markdown, a self-contained HTML page with SVG charts,
and printable paper forms, in Dutch, French or English (labels in any language a pack has).

The JSON result for machines is the :class:`~ouderbetrokkenheid.model.Result` itself
(``ouderbetrokkenheid.unstructure(result)``, valid against ``result.schema.json``).
"""

from ouderbetrokkenheid.reports.html import render_html
from ouderbetrokkenheid.reports.markdown import render_markdown
from ouderbetrokkenheid.reports.paper import render_paper_form

__all__ = ["render_html", "render_markdown", "render_paper_form"]
