"""The schema.org node of a resource page: the localised nodes of vocabulary terms are remembered and
shared between pages, keyed on everything they depend on."""

from hypothesis import given
from hypothesis import strategies as st

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


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=3), _JSON, max_size=6))
def test_clean_drops_what_it_always_dropped(node):
    """``_clean`` (no list or map made per value) keeps what ``value not in ([], {})`` kept: empty
    lists and maps and ``None`` go; ``0``, ``False``, ``""`` and ``0.0`` stay."""
    from ouderbetrokkenheid.exporters.jsonld import _clean

    assert _clean(node) == {k: v for k, v in node.items() if v is not None and v not in ([], {})}


def test_shared_term_nodes_are_not_changed_by_the_pages():
    """A vocabulary term's node is made once and shared by every record's node: writing a site and
    the JSON-LD of a library leaves it as it was made."""
    import json

    from ouderbetrokkenheid.exporters.jsonld import _audience, resource_node
    from ouderbetrokkenheid.exporters.site.ld import page_node

    term, audience = _defined_term("theme", "research"), _audience("parent")
    before = json.dumps([term, audience], sort_keys=True)
    resource = ob.Resource(
        id="t/r",
        title=ob.LocalizedText({"nl": "Titel"}),
        kind="book",
        themes=("research",),
        audiences=("parent",),
        provenance=ob.Provenance(source="s", status="unverified"),
    )
    node = resource_node(resource, None)
    assert node["keywords"][0] is term
    for lang in ("nl", "fr", "en"):
        page_node(resource, None, lang, ("nl", "fr", "en"))
    assert json.dumps([term, audience], sort_keys=True) == before
