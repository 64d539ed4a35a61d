"""The site's one template environment: Jinja2 with autoescaping and the ``i18n`` extension.

Every page of the site is a template in the package's ``templates/`` folder. An organisation gives
its own folder (``export --to html --templates DIR``) whose templates win over the package's: a
``base.html`` of its own (logo, colours), any page, and extra pages (``pages/*.html``, written in every
language). The package's templates stay reachable as ``default/<name>``, so an override can extend the
template it replaces (``{% extends "default/base.html" %}``) and change one block only.

Words come through gettext callables (``{% trans %}`` and ``_()`` in templates, msgids in English),
backed by the project's gettext catalogue (:mod:`ouderbetrokkenheid.i18n`); ``babel.cfg`` tells the
extraction to read the templates with this environment's options.

Autoescaping is always on, whatever a template's file name: content from packs reaches a template as
plain text and is escaped; HTML made in Python arrives as :class:`markupsafe.Markup`. The Content
Security Policy is checked in every page written (:func:`check_page`), so an override that drops it
fails the export instead of weakening the site.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ouderbetrokkenheid.errors import OuderbetrokkenheidError
from ouderbetrokkenheid.i18n import words
from ouderbetrokkenheid.reports.markup import lang_attrs

#: The package's templates, reachable as ``default/<name>`` too.
_PACKAGE = jinja2.PackageLoader("ouderbetrokkenheid.exporters.site", "templates")


class TemplateFolderError(OuderbetrokkenheidError, ValueError):
    """An organisation's template folder, or one of its templates, that cannot be used."""


def translate(message: str, lang: str) -> Markup:
    """*message* (an English msgid) in the words of a page in *lang*, escaped, with ``%(name)s``
    placeholders kept; wrapped in ``<span lang>`` (and ``dir``) when the site has no words in *lang*. A message the
    catalogue does not know is returned as it is (gettext's rule)."""
    text, found = words(lang).lookup(message)
    body = str(escape(text))
    marker = lang_attrs(found, lang) if found else ""  # lang, and dir when the direction changes
    if marker:
        return Markup(f"<span{marker}>{body}</span>")  # noqa: S704 - escaped
    return Markup(body)  # noqa: S704 - escaped


@jinja2.pass_context
def gettext(context: jinja2.runtime.Context, message: str) -> str:
    """gettext for templates: the page's language is the template variable ``lang``."""
    return translate(message, context.get("lang") or "en")


@jinja2.pass_context
def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, n: int) -> str:
    """ngettext for templates (the site's templates have no plural forms yet: English's rule)."""
    return translate(singular if n == 1 else plural, context.get("lang") or "en")


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """The template environment; templates in the folder *overrides* win over the package's.

    :raises TemplateFolderError: when *overrides* is not a folder.
    """
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        folder = Path(overrides)
        if not folder.is_dir():
            raise TemplateFolderError(
                f"{folder}: the templates folder does not exist (give a folder holding templates such as "
                "base.html; see the pack author's guide)"
            )
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders += [_PACKAGE, jinja2.PrefixLoader({"default": _PACKAGE})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def extra_pages(env: jinja2.Environment) -> list[str]:
    """The names of the organisation's extra pages (templates under ``pages/``), sorted."""
    return sorted(
        name
        for name in env.list_templates(extensions=["html"])
        if name.startswith("pages/") and name.count("/") == 1
    )


def render(env: jinja2.Environment, name: str, variables: Mapping[str, Any]) -> str:
    """The template *name* filled with *variables*, checked by :func:`check_page`."""
    try:
        html = env.get_template(name).render(variables)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFolderError(
            f"{exc.filename or exc.name or name}, line {exc.lineno}: {exc.message} (fix the template)"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateFolderError(f"{name}: {exc} (fix the template or the templates folder)") from None
    check_page(html, name)
    return html


def check_page(html: str, name: str) -> None:
    """Refuse a page without the site's Content Security Policy in its ``<head>``.

    :raises TemplateFolderError: naming the template, and what to do.
    """
    from ouderbetrokkenheid.exporters.site.markup import csp_meta

    if csp_meta() not in html.split("</head>", 1)[0]:
        raise TemplateFolderError(
            f"{name}: the page has lost the site's Content Security Policy (keep {{{{ csp_meta }}}} in "
            "the <head> of base.html, or extend default/base.html and override its blocks only)"
        )
