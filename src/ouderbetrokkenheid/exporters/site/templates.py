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

import functools
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
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


#: :func:`translate` remembered: a page asks for the same few messages as every other page.
_translated = functools.lru_cache(maxsize=4096)(translate)


@jinja2.pass_context
def gettext(context: jinja2.runtime.Context, message: str) -> str:
    """gettext for templates: the page's language is the template variable ``lang``."""
    return _translated(message, context.get("lang") or "en")


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
    """The template *name* filled with *variables*, checked by :func:`check_page`.

    Pages of one kind in one language at one depth share everything but their :data:`SLOTS`; where
    the template (and every template it extends) only ever writes those as plain ``{{ name }}``, the
    page is the template's own output for the first two such pages, and then the frame rendered once
    with the slots filled in (see :class:`_Frames`): the same bytes, checked against the template on
    the second page.
    """
    frames = _frames(env)
    fast = frames.fill(name, variables)
    if fast is not None:
        check_page(fast, name)
        return fast
    html = _render(env, name, variables)
    frames.learn(name, variables, html)
    check_page(html, name)
    return html


def _render(env: jinja2.Environment, name: str, variables: Mapping[str, Any]) -> str:
    try:
        return env.get_template(name).render(variables)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFolderError(
            f"{exc.filename or exc.name or name}, line {exc.lineno}: {exc.message} (fix the template)"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateFolderError(f"{name}: {exc} (fix the template or the templates folder)") from None


#: The variables that change from one page to the next of the same kind, language and depth.
SLOTS: tuple[str, ...] = ("title", "here", "path", "body", "head")

#: Shared frame parts (made once per language by :func:`~ouderbetrokkenheid.exporters.site.markup.frame_variables`
#: and only read): compared by identity, not by value.
_SHARED = frozenset({"menu", "languages", "packs"})

#: Template constructs through which a slot could be used otherwise than written out as it is.
_OPAQUE = (
    nodes.Macro,
    nodes.CallBlock,
    nodes.FilterBlock,
    nodes.Include,
    nodes.Import,
    nodes.FromImport,
    nodes.EvalContextModifier,
    nodes.ContextReference,
    nodes.DerivedContextReference,
)

_MARK = "\x00"


def plain_slots(env: jinja2.Environment, name: str, _seen: tuple[str, ...] = ()) -> bool:
    """Whether the template *name* and the templates it extends write each of :data:`SLOTS` only as
    ``{{ slot }}`` (no filter, test, condition, assignment, macro, include or escaping change touches
    one), so that a page is the frame with the slots' escaped values put in their places."""
    try:
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        tree = env.parse(source, name, filename)
    except jinja2.TemplateError:
        return False
    if any(True for _ in tree.find_all(_OPAQUE)):
        return False
    written = {
        id(child)
        for output in tree.find_all(nodes.Output)
        for child in output.nodes
        if isinstance(child, nodes.Name) and child.name in SLOTS and child.ctx == "load"
    }
    if any(node.name in SLOTS and id(node) not in written for node in tree.find_all(nodes.Name)):
        return False
    for extends in tree.find_all(nodes.Extends):
        parent = extends.template
        if not isinstance(parent, nodes.Const) or not isinstance(parent.value, str) or parent.value in _seen:
            return False
        if not plain_slots(env, parent.value, (*_seen, name)):
            return False
    return True


class _Frames:
    """The frames of one environment's templates: for each template and set of variables other
    than the slots, the output with a marker in each slot's place, split around the markers."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.plain: dict[str, bool] = {}
        #: key -> None (seen once), False (the frame does not reproduce the template), or the pieces.
        self.frames: dict[tuple[Any, ...], tuple[tuple[str, ...], tuple[int, ...]] | bool | None] = {}
        self.kept: list[Any] = []  # the shared parts keyed by identity, kept alive

    def key(self, name: str, variables: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """What the frame of a page depends on; ``None`` when a variable cannot be compared."""
        if not all(slot in variables for slot in SLOTS):
            return None
        parts: list[Any] = [name]
        for variable, value in variables.items():  # in the order given: another order is another key
            if variable in SLOTS:
                continue
            if variable in _SHARED and isinstance(value, list):
                parts.append((variable, "id", id(value)))
                continue
            try:
                hash(value)
            except TypeError:
                return None
            parts.append((variable, value))
        return tuple(parts)

    def fill(self, name: str, variables: Mapping[str, Any]) -> str | None:
        """The page from its frame, or ``None`` when the template has to render it."""
        key = self.key(name, variables)
        found = self.frames.get(key) if key is not None else None
        if not found:
            return None
        literals, slots = found  # type: ignore[misc]
        # a slot's value as the template writes it: Markup as it is (escape() and str() would each
        # copy a page's body), anything else escaped; join() makes the page a plain str
        values = [_escaped(variables[SLOTS[i]]) for i in slots]
        out = [literals[0]]
        for value, literal in zip(values, literals[1:], strict=True):
            out += (value, literal)
        return "".join(out)

    def learn(self, name: str, variables: Mapping[str, Any], html: str) -> None:
        """After the template rendered a page: on the second page with the same key, make its frame
        and keep it only if it gives this page byte for byte."""
        key = self.key(name, variables)
        if key is None:
            return
        if key not in self.frames:
            self.frames[key] = None
            return
        if self.frames[key] is not None:
            return
        if name not in self.plain:
            self.plain[name] = plain_slots(self.env, name)
        self.frames[key] = False
        if not self.plain[name]:
            return
        marked = dict(variables)
        for i, slot in enumerate(SLOTS):
            marked[slot] = f"{_MARK}{i}{_MARK}"
        pieces = _render(self.env, name, marked).split(_MARK)
        if len(pieces) % 2 == 0 or not all(p.isdigit() and int(p) < len(SLOTS) for p in pieces[1::2]):
            return
        frame = (tuple(pieces[0::2]), tuple(int(p) for p in pieces[1::2]))
        self.frames[key] = frame
        if self.fill(name, variables) != html:
            self.frames[key] = False
            return
        self.kept += [variables[v] for v in _SHARED if v in variables]


def _escaped(value: Any) -> str:
    """*value* escaped as the template's autoescape does (Markup is already safe)."""
    return value if type(value) is Markup else escape(value)


_ALL_FRAMES: "weakref.WeakKeyDictionary[jinja2.Environment, _Frames]" = weakref.WeakKeyDictionary()


def _frames(env: jinja2.Environment) -> _Frames:
    found = _ALL_FRAMES.get(env)
    if found is None:
        found = _ALL_FRAMES[env] = _Frames(env)
    return found


@functools.cache
def _csp_meta() -> str:
    from ouderbetrokkenheid.exporters.site.markup import csp_meta

    return csp_meta()


def check_page(html: str, name: str) -> None:
    """Refuse a page without the site's Content Security Policy in its ``<head>``.

    :raises TemplateFolderError: naming the template, and what to do.
    """
    end = html.find("</head>")
    if html.find(_csp_meta(), 0, len(html) if end < 0 else end) < 0:
        raise TemplateFolderError(
            f"{name}: the page has lost the site's Content Security Policy (keep {{{{ csp_meta }}}} in "
            "the <head> of base.html, or extend default/base.html and override its blocks only)"
        )
