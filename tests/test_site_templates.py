"""The site's templates: one Jinja2 environment with autoescaping and gettext words, an organisation's
own folder (``export --to html --templates DIR``) winning over the package's, escaping and the Content
Security Policy holding in overridden templates, and clear errors for a folder that cannot be used."""

from pathlib import Path

import pytest
from jinja2.ext import babel_extract

from ouderbetrokkenheid.cli import main
from ouderbetrokkenheid.exporters.site import SiteExporter
from ouderbetrokkenheid.exporters.site.markup import csp_meta
from ouderbetrokkenheid.exporters.site.templates import (
    TemplateFolderError,
    environment,
    translate,
)
from ouderbetrokkenheid.i18n import COMPLETE, words
from tests.test_site import _evil_library

TEMPLATES = Path(__file__).resolve().parent.parent / "src/ouderbetrokkenheid/exporters/site/templates"


def _organisation(folder: Path, base: str | None = None) -> Path:
    """An organisation's templates folder: its base.html (logo, colours), an extra page, a stylesheet."""
    folder.mkdir()
    (folder / "base.html").write_text(
        base
        or '{% extends "default/base.html" %}\n'
        '{% block styles %}<link rel="stylesheet" href="{{ root }}assets/org.css">{% endblock %}\n'
        '{% block brand %}<a href="{{ root }}{{ lang }}/index.html"><img src="{{ root }}assets/logo.svg" '
        'alt="Basisschool De Linde"></a> <span class="org-title">{{ title }}</span>{% endblock %}\n',
        encoding="utf-8",
    )
    (folder / "pages").mkdir()
    (folder / "pages" / "about.html").write_text(
        '{% extends "base.html" %}{% set title = "Over De Linde" %}{% block content %}<h1>{{ _("Home") }}: De Linde</h1>'
        "<p>{{ path }}</p>{% endblock %}\n",
        encoding="utf-8",
    )
    (folder / "static").mkdir()
    (folder / "static" / "org.css").write_text("header.site { background: #2d5016; }\n", encoding="utf-8")
    (folder / "static" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    return folder


def test_an_organisation_overrides_the_frame_and_adds_a_page(tmp_path):
    out = tmp_path / "site"
    SiteExporter().export(_evil_library(), out, {"templates": str(_organisation(tmp_path / "org"))})
    page = (out / "nl" / "resources" / "evil__a.html").read_text(encoding="utf-8")
    assert 'src="../../assets/logo.svg"' in page and 'href="../../assets/org.css"' in page
    # the hostile title reaches the organisation's template as text, and is escaped there
    assert '<span class="org-title">&lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "<script>alert" not in page
    csp = page.split("</head>", 1)[0]
    assert "Content-Security-Policy" in csp and "default-src &#x27;none&#x27;" in csp
    assert (out / "assets" / "org.css").is_file() and (out / "assets" / "logo.svg").is_file()
    for lang, word in (("nl", "Start"), ("fr", "Accueil"), ("en", "Home")):
        about = (out / lang / "about.html").read_text(encoding="utf-8")
        assert f"<h1>{word}: De Linde</h1>" in about
        assert 'src="../assets/logo.svg"' in about
        assert csp_meta() in about.split("</head>", 1)[0]
        assert "<title>Over De Linde — " in about


def test_an_override_that_drops_the_csp_is_refused(tmp_path):
    folder = _organisation(
        tmp_path / "org",
        base="<!DOCTYPE html><html><head><title>{{ title }}</title></head><body>{% block content %}"
        "{% endblock %}</body></html>",
    )
    out = tmp_path / "site"
    with pytest.raises(TemplateFolderError, match="Content Security Policy"):
        SiteExporter().export(_evil_library(), out, {"templates": str(folder)})
    assert not out.exists()


def test_a_broken_template_is_named_with_its_line(tmp_path):
    folder = _organisation(tmp_path / "org", base='{% extends "default/base.html" %}\n\n{% block brand %}\n')
    with pytest.raises(TemplateFolderError, match=r"base\.html, line 3"):
        SiteExporter().export(_evil_library(), tmp_path / "site", {"templates": str(folder)})


def test_a_missing_folder_and_a_clashing_page_are_refused(tmp_path):
    with pytest.raises(TemplateFolderError, match="does not exist"):
        SiteExporter().export(_evil_library(), tmp_path / "site", {"templates": str(tmp_path / "nope")})
    folder = _organisation(tmp_path / "org")
    (folder / "pages" / "catalog.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    with pytest.raises(TemplateFolderError, match="override its template instead"):
        SiteExporter().export(_evil_library(), tmp_path / "site", {"templates": str(folder)})


def test_cli_export_takes_a_templates_folder(tmp_path, capsys):
    folder = _organisation(tmp_path / "org")
    pack = str(Path(__file__).resolve().parent.parent / "examples" / "voorbeeldpack")
    args = ["export", "--path", pack, "--to", "html", "--templates"]
    assert main([*args, str(folder), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr()
    assert (tmp_path / "site" / "fr" / "about.html").is_file()
    capsys.readouterr()
    assert main([*args, str(tmp_path / "x"), "--out", str(tmp_path / "s2")]) != 0
    assert "the templates folder does not exist" in capsys.readouterr().err
    assert not (tmp_path / "s2").exists()


def test_autoescaping_holds_whatever_the_file_name(tmp_path):
    (tmp_path / "x.txt").write_text("{{ v }}", encoding="utf-8")
    env = environment(tmp_path)
    assert env.get_template("x.txt").render(v="<b>") == "&lt;b&gt;"
    assert env.get_template("default/base.html") is not None


def test_every_word_of_the_templates_is_a_message_in_every_language():
    """Templates use English msgids; each must be in the gettext catalogue of every complete language,
    or it would silently stay English on a Dutch page."""
    found = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        with template.open("rb") as handle:
            for line, _, message, _ in babel_extract(handle, ("_", "gettext", "ngettext"), [], {}):
                messages = message if isinstance(message, tuple) else (message,)
                for text in filter(None, messages):  # keyword arguments are extracted as None
                    found.append(text)
                    for lang in COMPLETE:
                        assert words(lang).lookup(text)[1] == lang, (
                            f"{template.name}:{line}: {text!r} not in {lang}"
                        )
    assert len(found) >= 20
    assert translate("Find material", "nl") == "Materiaal vinden"
    assert translate("Find material", "de") == '<span lang="nl">Materiaal vinden</span>'
    assert translate("Find material", "ar") == '<span lang="nl" dir="ltr">Materiaal vinden</span>'
    assert translate("<b>unknown</b>", "nl") == "&lt;b&gt;unknown&lt;/b&gt;"


def test_trans_blocks_escape_their_variables():
    env = environment()
    template = env.from_string(
        "{% trans n=n %}{{ n }} research findings, with how strong the evidence is.{% endtrans %}",
        globals={"lang": "fr"},
    )
    assert template.render(n="<i>") == "&lt;i&gt; constats de recherche, avec la force des preuves."


def _page_variables(env, titles):
    """The variables of resource pages in Dutch at one depth, with hostile titles and bodies."""
    from markupsafe import Markup

    from ouderbetrokkenheid.exporters.site.markup import Frame, frame_variables

    pages = []
    for i, title in enumerate(titles):
        frame = Frame(
            path=f"nl/resources/r{i}.html",
            lang="nl",
            languages=("nl", "fr", "en"),
            section="catalog",
            packs=(),
            version="9.9",
            templates=env,
        )
        variables = frame_variables(frame, title=title)
        variables.update(
            body=Markup(f"<h1>{i}</h1>"), head=Markup(f'<script type="x">{{"n": {i}}}</script>\n')
        )
        pages.append(variables)
    return pages


TITLES = ["A & B", '<script>alert("x")</script>', "l'école", "", "\x00 0 \x00", "plain"]


def test_a_frame_filled_in_is_the_template_output_byte_for_byte():
    from ouderbetrokkenheid.exporters.site.templates import _frames, plain_slots, render

    env = environment()
    assert plain_slots(env, "resource.html")
    for variables in _page_variables(env, TITLES):
        assert render(env, "resource.html", variables) == env.get_template("resource.html").render(variables)
    # from the third page on the page was the frame filled in, not the template
    assert any(isinstance(frame, tuple) for frame in _frames(env).frames.values())


def test_an_override_that_uses_a_slot_otherwise_is_rendered_by_the_template(tmp_path):
    from markupsafe import escape

    from ouderbetrokkenheid.exporters.site.templates import _frames, plain_slots, render

    folder = _organisation(
        tmp_path / "org",
        base='{% extends "default/base.html" %}\n'
        "{% block brand %}<b>{{ title|upper }}</b>{% if title|length > 12 %} long{% endif %}{% endblock %}\n",
    )
    env = environment(folder)
    assert not plain_slots(env, "resource.html")
    for variables in _page_variables(env, [*TITLES, "x" * 30]):
        page = render(env, "resource.html", variables)
        assert page == env.get_template("resource.html").render(variables)
        title = variables["title"]
        assert f"<b>{escape(title.upper())}</b>{' long' if len(title) > 12 else ''}</p>" in page
    assert not any(isinstance(frame, tuple) for frame in _frames(env).frames.values())


def test_an_override_that_writes_the_slots_plainly_gets_the_fast_frame_and_shows(tmp_path):
    from ouderbetrokkenheid.exporters.site.templates import _frames, plain_slots, render

    env = environment(_organisation(tmp_path / "org"))
    assert plain_slots(env, "resource.html")
    for variables in _page_variables(env, TITLES):
        page = render(env, "resource.html", variables)
        assert page == env.get_template("resource.html").render(variables)
        assert 'alt="Basisschool De Linde"' in page and 'href="../../assets/org.css"' in page
    assert any(isinstance(frame, tuple) for frame in _frames(env).frames.values())


@pytest.mark.parametrize(
    ("block", "plain"),
    [
        ("<b>{{ title }}</b>{{ here }}{% for x in menu %}{{ path }}{% endfor %}", True),
        ("{{ title|upper }}", False),
        ("{{ title ~ '!' }}", False),
        ("{% if body %}x{% endif %}", False),
        ("{% set title = 'x' %}{{ title }}", False),
        ("{% macro f() %}{{ title }}{% endmacro %}{{ f() }}", False),
        ("{% include 'default/list.html' %}", False),
        ("{% autoescape false %}{{ head }}{% endautoescape %}", False),
        ("{% filter upper %}{{ title }}{% endfilter %}", False),
    ],
)
def test_only_templates_that_write_the_slots_as_they_are_get_the_frame(tmp_path, block, plain):
    from ouderbetrokkenheid.exporters.site.templates import plain_slots

    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "base.html").write_text(
        '{% extends "default/base.html" %}{% block brand %}' + block + "{% endblock %}", encoding="utf-8"
    )
    assert plain_slots(environment(folder), "resource.html") is plain
