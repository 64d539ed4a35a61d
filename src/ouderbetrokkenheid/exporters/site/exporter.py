"""The ``html`` exporter: the library as a static, self-contained, multilingual web site."""

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ouderbetrokkenheid.exporters.base import atomic_folder
from ouderbetrokkenheid.exporters.progress import progress_steps
from ouderbetrokkenheid.exporters.site.templates import TemplateFolderError, extra_pages
from ouderbetrokkenheid.i18n import N_
from ouderbetrokkenheid.model.pack import KINDS as RECORD_KINDS
from ouderbetrokkenheid.model.text import is_language_tag

if TYPE_CHECKING:
    from ouderbetrokkenheid.catalog.library import Library
    from ouderbetrokkenheid.exporters.site.context import SiteContext

KINDS = frozenset(RECORD_KINDS)

#: The languages every site is written in (the switch on every page), in this order.
LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")

#: The files shipped with this package that every site gets, under ``assets/``.
STATIC_FILES: tuple[str, ...] = (
    "site.css",
    "site.js",
    "search.js",
    "quickscan.js",
    "ob-score.js",
    "ob-report.js",
    "ob-results.js",
    "results.css",
)

Page = tuple[str, Callable[[], str]]

#: The pages every language folder has (an extra page cannot take their names).
SITE_PAGES = frozenset(
    {"index.html", "catalog.html", "list.html", "evidence.html", "instruments.html", "results.html"}
)


def site_languages(options: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
    """``(languages, default)`` from the options: ``nl``, ``fr`` and ``en``, then ``options["lang"]``
    when it is another language, then each of ``options["languages"]`` (more languages, such as the
    parents' home languages: ``["ar", "tr"]``), each once. A language other than nl, fr and en gets the
    site's words in that language where the catalogue has them, as the parents' home languages do for
    the quickscan pages, else Dutch, marked. The default (the language the site opens in) is
    ``options["lang"]`` (``nl`` when not given).

    :raises ValueError: when ``options["lang"]`` or one of ``options["languages"]`` is not a language
        tag.
    """
    lang = options.get("lang") or LANGUAGES[0]
    if not isinstance(lang, str) or not is_language_tag(lang):
        raise ValueError(f"options['lang'] must be a language tag such as 'nl' or 'fr', not {lang!r}")
    given = options.get("languages") or ()
    try:  # read once: a generator gives its tags to the check and to the site alike
        more = None if isinstance(given, str) else tuple(given)
    except TypeError:  # not a collection at all
        more = None
    if more is None or not all(isinstance(tag, str) and is_language_tag(tag) for tag in more):
        raise ValueError(
            f"options['languages'] must be a list of language tags such as ['ar', 'tr'], not {given!r}"
        )
    return tuple(dict.fromkeys((*LANGUAGES, lang, *more))), lang


def static_file(name: str) -> bytes:
    """A file shipped in the package's ``static`` folder."""
    return files("ouderbetrokkenheid.exporters.site").joinpath("static", name).read_bytes()


def pages(ctx: "SiteContext", default: str) -> Iterator[Page]:
    """Every file of the site after the static ones: ``(path, render)``, lazily rendered."""
    from ouderbetrokkenheid.exporters.site.catalog_page import render_catalog, render_list
    from ouderbetrokkenheid.exporters.site.evidence_page import render_evidence
    from ouderbetrokkenheid.exporters.site.framework_page import render_framework
    from ouderbetrokkenheid.exporters.site.home_page import render_home, render_root
    from ouderbetrokkenheid.exporters.site.instruments_page import (
        forms,
        render_assessment,
        render_form,
        render_instruments,
    )
    from ouderbetrokkenheid.exporters.site.quickscan_page import quickscans, render_quickscan
    from ouderbetrokkenheid.exporters.site.resource_page import render_resource
    from ouderbetrokkenheid.exporters.site.results_page import bundles_script, render_results
    from ouderbetrokkenheid.exporters.site.search import SiteSearch, index_script

    yield "index.html", lambda: render_root(ctx, default)
    yield "assets/score-bundles.js", lambda: bundles_script(ctx)
    search = SiteSearch(
        ctx.catalog,
        ctx.records,
        ctx.languages,
        url_of=lambda record, lang: (ctx.path(record.id, lang) or "").split("/", 1)[-1],
        title_of=ctx.title,
        summary_of=ctx.summary,
        year_of=lambda record: str(getattr(record, "year", None) or ""),
    )
    # every language's search index and the two pages made from it, first and together: one process
    # writes them all (see chunks), finding once what the languages share
    for lang in ctx.languages:
        yield f"assets/search-index.{lang}.js", lambda lang=lang: index_script(search.data(lang))
        yield (
            f"{lang}/catalog.html",
            lambda lang=lang: render_catalog(ctx, lang, f"{lang}/catalog.html", search.data(lang)),
        )

        def listing(lang: str = lang) -> str:
            try:
                return render_list(ctx, lang, f"{lang}/list.html", search.data(lang))
            finally:
                search.release(lang)  # the last page that reads this language's search index

        yield f"{lang}/list.html", listing
    for lang in ctx.languages:
        yield f"{lang}/index.html", lambda lang=lang: render_home(ctx, lang, f"{lang}/index.html")
        yield f"{lang}/evidence.html", lambda lang=lang: render_evidence(ctx, lang, f"{lang}/evidence.html")
        yield (
            f"{lang}/instruments.html",
            lambda lang=lang: render_instruments(ctx, lang, f"{lang}/instruments.html"),
        )
        yield f"{lang}/results.html", lambda lang=lang: render_results(ctx, lang, f"{lang}/results.html")
        for framework in ctx.frameworks:
            path = ctx.path(framework.id, lang)
            assert path is not None
            yield path, lambda f=framework, lang=lang, path=path: render_framework(ctx, f, lang, path)
        for assessment in ctx.assessments:
            path = ctx.path(assessment.id, lang)
            assert path is not None
            yield path, lambda a=assessment, lang=lang, path=path: render_assessment(ctx, a, lang, path)
    # a resource's pages in every language one after the other: they share its related resources
    # and its schema.org node while those are still at hand
    for resource in ctx.resources:
        for lang in ctx.languages:
            path = ctx.path(resource.id, lang)
            assert path is not None
            yield path, lambda r=resource, lang=lang, path=path: render_resource(ctx, r, lang, path)
    for path, assessment, group, lang in forms(ctx):
        yield path, lambda a=assessment, g=group, lang=lang: render_form(ctx, a, g, lang)
    for path, assessment, group, lang in quickscans(ctx):
        yield (
            path,
            lambda a=assessment, g=group, lang=lang, path=path: render_quickscan(ctx, a, g, lang, path),
        )
    for name in extra_pages(ctx.templates):
        if name.split("/", 1)[1] in SITE_PAGES:
            raise TemplateFolderError(
                f"{name}: the site has a page of this name; override its template instead (see the pack "
                "author's guide) or give your page another name"
            )
        for lang in ctx.languages:
            path = f"{lang}/{name.split('/', 1)[1]}"
            yield path, lambda name=name, lang=lang, path=path: render_extra(ctx, name, lang, path)


def render_extra(ctx: "SiteContext", name: str, lang: str, path: str) -> str:
    """An organisation's extra page (the template *name*, extending ``base.html``) in *lang*."""
    from ouderbetrokkenheid.exporters.site.markup import page

    return page(ctx.frame(path, lang, ""), title="", body="", template=name)


def organisation_static(folder: Path | None) -> list[Path]:
    """The files of the organisation's ``static/`` folder (copied into ``assets/``), sorted."""
    if folder is None or not (folder / "static").is_dir():
        return []
    return sorted(p for p in (folder / "static").iterdir() if p.is_file() and not p.name.startswith("."))


def page_count(ctx: "SiteContext") -> int:
    """How many files :func:`pages` yields."""
    from ouderbetrokkenheid.exporters.site.instruments_page import forms
    from ouderbetrokkenheid.exporters.site.quickscan_page import quickscans

    per_language = 7 + len(ctx.resources) + len(ctx.frameworks) + len(ctx.assessments)
    per_language += len(extra_pages(ctx.templates))
    return 2 + per_language * len(ctx.languages) + len(forms(ctx)) + len(quickscans(ctx))


#: Pages from which a site is written by a pool of processes when ``options["workers"]`` is not given.
POOL_PAGES = 3000

#: Processes of the pool when ``options["workers"]`` is not given: one per processor it may use.
POOL_WORKERS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

#: Pages a worker renders and writes per task.
CHUNK = 200


def site_workers(options: Mapping[str, Any]) -> int | None:
    """``options["workers"]`` (or ``options["jobs"]``): how many processes render the pages; 1 renders
    them in this process, ``None`` (not given) lets the exporter choose (:data:`POOL_WORKERS` for a
    site of :data:`POOL_PAGES` pages or more, else 1). Where processes cannot be forked (Windows,
    macOS) the pages are always rendered in this process. The pages are the same byte for byte.

    :raises ValueError: when the option is not a whole number of at least 1.
    """
    value = options.get("workers", options.get("jobs"))
    if value is None:
        return None if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" else 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"options['workers'] must be a whole number of processes (1 or more), not {value!r}")
    return value if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" else 1


#: How a page's file is opened: created (or emptied) for writing, binary where that differs.
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def write_page(target: Path | str, html: str) -> None:
    """One page, as UTF-8 with ``\\n`` line ends (as the pages are made): encoded once and written
    with one system call, without a text layer."""
    data = memoryview(html.encode("utf-8"))
    handle = os.open(target, _WRITE, 0o666)
    try:
        while data:
            data = data[os.write(handle, data) :]
    finally:
        os.close(handle)


#: What the forked workers write: ``(folder, pages)``, set by :func:`write_in_pool` before the fork.
_JOB: tuple[Path, Sequence[Page]] | None = None


def _write_chunk(start: int, stop: int) -> int:
    """In a worker: render and write pages ``start`` to ``stop`` of the job; how many."""
    assert _JOB is not None
    folder, todo = _JOB
    for path, render in todo[start:stop]:
        write_page(folder / path, render())
    return stop - start


#: What the forked workers of the first stage rank: the site's context, set by :func:`related_in_pool`.
_CONTEXT: "SiteContext | None" = None


def _related_part(part: list[int]) -> list[list[int]]:
    """In a worker: the related resources (positions) of the resources at *part*."""
    assert _CONTEXT is not None
    return _CONTEXT.related_positions([_CONTEXT.resources[i] for i in part])


def related_in_pool(ctx: "SiteContext", pool: ProcessPoolExecutor, workers: int) -> None:
    """Rank the related resources of every resource in *pool*, each signature (set of concepts, set of
    themes) by one worker only (resources that share one are sent together), and remember them in
    *ctx* for the pages."""
    resources = ctx.resources
    order = sorted(
        range(len(resources)),
        key=lambda i: (sorted(set(resources[i].concepts)), sorted(set(resources[i].themes)), i),
    )
    size = max(1, -(-len(order) // (workers * 8)))
    parts = [order[start : start + size] for start in range(0, len(order), size)]
    for part, found in zip(parts, pool.map(_related_part, parts), strict=True):
        for i, positions in zip(part, found, strict=True):
            ctx.remember_related(resources[i], positions)


def chunks(todo: Sequence[Page], size: int) -> list[tuple[int, int]]:
    """``(start, stop)`` slices of about *size* pages. The languages' search indexes, each followed by
    its ``catalog.html`` and ``list.html`` (rendered from what building it found), stay together in
    one slice (what the languages share is found once: :class:`.search.SiteSearch`); it comes first, as
    the heaviest."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for stop in range(1, len(todo) + 1):
        follows = todo[stop][0] if stop < len(todo) else ""
        if (
            stop - start >= size
            and not follows.endswith(("/catalog.html", "/list.html"))
            and not (follows.startswith("assets/search-index.") and todo[stop - 1][0].endswith("/list.html"))
        ):
            bounds.append((start, stop))
            start = stop
    if start < len(todo):
        bounds.append((start, len(todo)))
    heavy = [b for b in bounds if any(todo[i][0].startswith("assets/search-index.") for i in range(*b))]
    return heavy + [b for b in bounds if b not in heavy]


def write_in_pool(
    folder: Path, todo: Sequence[Page], workers: int, step: Callable[[], None], ctx: "SiteContext"
) -> None:
    """Render and write *todo* into *folder* with *workers* forked processes, each page once, streamed
    to disk by the worker that renders it (nothing is sent back but a count). The workers get the
    catalog by the fork, not per page. A first pool ranks the related resources (see
    :func:`related_in_pool`); the pages' pool is forked after it and inherits them. The first failure
    stops the pool and is raised here."""
    global _JOB, _CONTEXT  # noqa: PLW0603 - read by the forked workers
    ctx.prepare()  # what every page needs, built once before the fork and shared
    size = max(1, min(CHUNK, len(todo) // (workers * 4) or 1))
    fork = multiprocessing.get_context("fork")
    gc.freeze()  # the catalog's objects stay out of the collector: fewer pages copied into the workers
    try:
        _CONTEXT = ctx
        with ProcessPoolExecutor(workers, mp_context=fork) as pool:
            related_in_pool(ctx, pool, workers)
        _CONTEXT = None
        _JOB = (folder, todo)
        gc.freeze()  # and the related resources just remembered
        with ProcessPoolExecutor(workers, mp_context=fork) as pool:
            futures = [pool.submit(_write_chunk, start, stop) for start, stop in chunks(todo, size)]
            try:
                pending = set(futures)
                while pending:
                    done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                    for future in done:
                        for _ in range(future.result()):
                            step()
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    finally:
        gc.unfreeze()
        _JOB = _CONTEXT = None


@attrs.frozen
class SiteExporter:
    """A static web site: home, catalog with search and facets, a page per resource and framework,
    the evidence, the instruments and their printable forms, in Dutch, French and English."""

    name: str = "html"
    media_type: str = "text/html"
    extension: str = ""
    kinds: frozenset[str] = KINDS
    description: str = N_(
        "a static multilingual web site (nl/fr/en): catalog with search and facets, frameworks, evidence, "
        "printable forms; works offline from file://"
    )

    def export(self, library: "Library", destination: Path, options: Mapping[str, Any]) -> None:
        """Write the site into the folder *destination* atomically. ``options["lang"]``: the default
        language (``nl``); ``options["languages"]``: more languages every page is also written in (the
        parents' home languages, see :func:`site_languages`); ``options["progress"]``: told ``(done, total)`` after each page;
        ``options["templates"]``: a folder of templates that win over the site's own (its ``static/``
        files are copied into ``assets/``, its ``pages/*.html`` become extra pages in every language);
        ``options["workers"]``: processes that render pages (see :func:`site_workers`)."""
        from ouderbetrokkenheid import __version__
        from ouderbetrokkenheid.exporters.site.context import SiteContext

        languages, default = site_languages(options)
        workers = site_workers(options)
        templates = Path(options["templates"]) if options.get("templates") else None
        ctx = SiteContext(library, languages, __version__, templates)
        step = progress_steps(options, page_count(ctx))
        if workers is None:  # not asked: a pool only where it pays for its start
            workers = POOL_WORKERS if page_count(ctx) >= POOL_PAGES else 1
        with atomic_folder(Path(destination)) as folder:
            assets = folder / "assets"
            assets.mkdir()
            for name in STATIC_FILES:
                (assets / name).write_bytes(static_file(name))
            for own in organisation_static(templates):
                if own.name in (*STATIC_FILES, "score-bundles.js") or own.name.startswith("search-index."):
                    raise TemplateFolderError(
                        f"{own}: a file of the site has this name; give yours another one and link it "
                        "from the styles block of base.html"
                    )
                (assets / own.name).write_bytes(own.read_bytes())
            if workers > 1:
                # the library and catalog out of the collector's way while the pages are listed
                # (each full collection would walk them again; see write_here)
                gc.freeze()
                try:
                    todo = list(pages(ctx, default))  # (path, render): every page's name is given out here
                    for parent in sorted({path.rpartition("/")[0] for path, _ in todo} - {"", "assets"}):
                        (folder / parent).mkdir(parents=True, exist_ok=True)
                finally:
                    gc.unfreeze()
                write_in_pool(folder, todo, workers, step, ctx)
            else:  # one page at a time, as the pages are listed
                write_here(folder, pages(ctx, default), step)


def write_here(folder: Path, todo: Iterable[Page], step: Callable[[], None]) -> None:
    """Render and write *todo* into *folder* in this process, one page at a time. What was made before
    (the library, the catalog) is frozen for the collector meanwhile (:func:`gc.freeze`: its full
    collections then walk only what the pages make, not the catalog again and again); the collector
    stays on, and is given back as it was."""
    made: set[Path] = {folder, folder / "assets"}
    gc.freeze()
    try:
        for path, render in todo:
            target = folder / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            write_page(target, render())
            step()
    finally:
        gc.unfreeze()
