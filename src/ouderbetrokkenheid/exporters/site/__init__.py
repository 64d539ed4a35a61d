"""The ``html`` exporter: a static, self-contained, multilingual web site of the library.

One HTML page per language per page (``nl/index.html``, ``fr/index.html`` ...), linked to the same page
in the other languages, so the language switch works from ``file://`` and from any static host. The
catalog searches in the browser (``search.js`` over ``assets/search-index.<lang>.js``, loaded as scripts:
no request leaves the page, and a Content-Security-Policy on every page says so). Content is escaped
everywhere and only ``http``, ``https`` and ``mailto`` links are written.

>>> from ouderbetrokkenheid.exporters.site import SiteExporter
>>> SiteExporter().name, SiteExporter().extension
('html', '')
"""

from ouderbetrokkenheid.exporters.site.exporter import SiteExporter

__all__ = ["SiteExporter"]
