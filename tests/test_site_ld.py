"""The schema.org node of a resource page: the localised nodes of vocabulary terms are remembered and
shared between pages, keyed on everything they depend on."""

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.exporters.jsonld import _defined_term
from ouderbetrokkenheid.exporters.site.ld import _localize, _localize_all


def test_a_vocabulary_term_is_localised_per_language_and_default():
    node = _defined_term("theme", "research")
    for langs in (("nl",), ("en",), ("fr", "nl"), ("ary",)):
        for default in (None, "nl", "fr", "en"):
            remembered = _localize_all(node, langs, default, "keywords")
            assert remembered == [_localize(node, lang, default) for lang in langs]
    assert (
        _localize_all(node, ("nl",), None, "keywords")[0]["name"]
        != _localize_all(node, ("en",), None, "keywords")[0]["name"]
    )


def test_a_vocabulary_term_under_another_key_is_walked_for_that_key():
    node = _defined_term("theme", "research")
    under_keywords = _localize_all(node, ("nl",), None, "keywords")
    assert _localize_all(node, ("nl",), None, "about") == under_keywords  # the same node, the same walk
    assert _localize_all(node, ("nl",), None, "about") is not under_keywords  # remembered apart


def test_labels_as_html_are_remembered_per_language():
    """SiteContext.term_html and language_html are t() of the label, per vocabulary, code and page
    language (a memo keyed without the language would show one page's words on the others)."""
    from ouderbetrokkenheid.exporters.site.context import SiteContext
    from ouderbetrokkenheid.exporters.site.markup import t
    from ouderbetrokkenheid.exporters.site.messages import language_name

    ctx = SiteContext(ob.Library([]), ("nl", "fr", "en", "ar"), "0")
    for lang in ("nl", "fr", "en", "ar", "nl"):
        assert ctx.term_html("theme", "research", lang) == t(ctx.term("theme", "research", lang), lang)
        assert ctx.term_html("theme", "no-such-code", lang) == "no-such-code"
        for code in ("fr", "tr", "xx-unknown"):
            assert ctx.language_html(code, lang) == t(language_name(code, lang), lang)
    assert ctx.term_html("theme", "research", "nl") != ctx.term_html("theme", "research", "en")
    assert ctx.language_html("tr", "nl") != ctx.language_html("tr", "fr")


def test_a_remembered_term_node_is_used_only_for_an_equal_node():
    node = _defined_term("theme", "research")
    before = _localize_all(node, ("nl",), None, "keywords")
    changed = {**node, "name": {"nl": "iets anders"}}  # the same @id, other content
    assert _localize_all(changed, ("nl",), None, "keywords")[0]["name"] == "iets anders"
    assert _localize_all(node, ("nl",), None, "keywords") == before
