import attrs
import pytest

import ouderbetrokkenheid as ob
from ouderbetrokkenheid import model
from ouderbetrokkenheid.model.vocabularies import VOCABULARIES

MODEL_CLASSES = [
    cls for name in model.__all__ if isinstance(cls := getattr(model, name), type) and attrs.has(cls)
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_model_classes_are_frozen_and_slotted(cls):
    assert "__slots__" in cls.__dict__
    params = attrs.fields(cls)
    if cls is not ob.LocalizedText:
        assert all(a.kw_only for a in params), f"{cls.__name__} has positional fields"
        required = {a.name: "x" for a in params if a.default is attrs.NOTHING}
        with pytest.raises(TypeError):
            cls(*required.values())  # positional arguments are refused


def test_frozen_instances_cannot_change():
    agent = ob.Agent(name="OCB")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agent.name = "VCOV"  # type: ignore[misc]


class TestLocalizedText:
    def test_mapping_behaviour_and_order(self):
        text = ob.LocalizedText({"nl": "huis", "fr": "maison"})
        assert dict(text) == {"nl": "huis", "fr": "maison"}
        assert text.languages == ("nl", "fr")
        assert text == {"nl": "huis", "fr": "maison"}
        assert hash(text) == hash(ob.LocalizedText({"fr": "maison", "nl": "huis"}))

    def test_fallback_chain_order(self):
        assert ob.fallback_chain("ary-MA", "fr") == ("ary-MA", "ary", "ar", "fr", "nl", "en")
        assert ob.fallback_chain(None) == ("nl", "en")
        assert ob.fallback_chain("nl", "nl") == ("nl", "en")
        # script and region both dropped at once: the primary language, not "sr-Latn"
        assert ob.fallback_chain("sr-Latn-RS") == ("sr-Latn-RS", "sr", "nl", "en")

    @pytest.mark.parametrize(
        ("values", "lang", "default", "expected"),
        [
            ({"nl": "a", "fr": "b", "en": "c"}, "fr", None, ("fr", "b")),
            ({"nl": "a", "en": "c"}, "fr", None, ("nl", "a")),  # asked -> nl
            ({"en": "c", "de": "d"}, "fr", None, ("en", "c")),  # asked -> nl -> en
            ({"de": "d", "fr": "b"}, "tr", "fr", ("fr", "b")),  # asked -> pack default
            ({"de": "d"}, "fr", None, ("de", "d")),  # any language as last resort
            ({"ar": "x", "nl": "a"}, "ary", None, ("ar", "x")),  # related language first
            ({"nl-BE": "x", "nl": "a"}, "nl-BE", None, ("nl-BE", "x")),
            ({"nl": "a"}, "nl-BE", None, ("nl", "a")),  # region dropped
        ],
    )
    def test_resolve(self, values, lang, default, expected):
        assert ob.LocalizedText(values).resolve(lang, default) == expected

    def test_get_text_passes_the_pack_default_and_the_fallback_on(self):
        text = ob.LocalizedText({"de": "d", "fr": "b", "en": "c"})
        assert text.get_text("tr") == "c"  # asked -> nl -> en
        assert text.get_text("tr", "fr") == "b"  # the pack's default before nl and en
        assert text.get_text("tr", default="fr") == "b"
        assert text.get_text("tr", fallback=("de",)) == "d"  # another fallback than nl, en
        assert text.resolve("tr", fallback=("de",)) == ("de", "d")
        assert text.resolve("tr", fallback=()) == ("de", "d")  # no fallback: the first language given
        assert ob.LocalizedText({"en": "c", "fr": "b"}).resolve("tr", fallback=()) == ("en", "c")

    def test_covers(self):
        text = ob.LocalizedText({"nl": "a", "fr": "b"})
        assert text.covers({"nl", "fr"})  # exactly its languages
        assert text.covers({"nl"}) and text.covers(set())
        assert not text.covers({"nl", "fr", "en"})
        assert not text.covers({"en"})

    def test_empty_text_resolves_to_nothing(self):
        assert ob.LocalizedText({}).resolve("nl") is None
        assert ob.LocalizedText({}).get_text("nl") == ""

    @pytest.mark.parametrize("tag", ["nl", "fr", "en", "ary", "zh-Hant", "nl-BE", "es-419", "zgh"])
    def test_language_tags_accepted(self, tag):
        assert ob.is_language_tag(tag)

    @pytest.mark.parametrize("tag", ["NL", "nl_BE", "n", "nederlands", "nl-be", "", "nl-"])
    def test_language_tags_refused(self, tag):
        assert not ob.is_language_tag(tag)


SCHEMA_ENUMS = {
    "resource-kind": "resourceKind",
    "audience-role": "audienceRole",
    "education-level": "educationLevel",
    "theme": "theme",
    "access": "access",
    "verification": "verification",
    "content-status": "contentStatus",
    "mapping-predicate": "mappingPredicate",
    "effect-metric": "effectMetric",
    "translation-method": "translationMethod",
    "agent-kind": "agentKind",
}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_vocabularies_equal_schema_enums(name):
    defs = ob.schema.load_schema("defs")["$defs"]
    assert list(VOCABULARIES[name].codes) == defs[SCHEMA_ENUMS[name]]["enum"]


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_vocabulary_terms_have_nl_fr_en_labels(name):
    for term in VOCABULARIES[name]:
        assert {"nl", "fr", "en"} <= set(term.label), term.code


def test_education_levels_cover_both_brussels_systems():
    systems = {term.system for term in VOCABULARIES["education-level"]}
    assert systems == {"vl", "fwb"}


def test_audience_roles_map_to_lrmi_and_include_parent():
    roles = VOCABULARIES["audience-role"]
    assert roles.term("parent").match == "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/parent"
    assert all(term.match for term in roles)
    with pytest.raises(KeyError):
        roles.term("grandparent")


def test_framework_helpers():
    concepts = (
        ob.Concept(id="p/f#a", label=ob.LocalizedText({"nl": "A"})),
        ob.Concept(id="p/f#b", label=ob.LocalizedText({"nl": "B"}), broader="p/f#a"),
    )
    framework = ob.Framework(
        id="p/f",
        title=ob.LocalizedText({"nl": "F"}),
        concepts=concepts,
        provenance=ob.Provenance(source="s", status="unverified"),
    )
    assert framework.top_concepts() == concepts[:1]
    assert framework.narrower("p/f#a") == concepts[1:]
    assert framework.concept("p/f#b") is concepts[1]
    with pytest.raises(KeyError):
        framework.concept("p/f#c")


def test_the_package_exports_every_model_name():
    import ouderbetrokkenheid

    assert set(ouderbetrokkenheid._MODEL) == set(model.__all__)
    assert set(model.__all__) <= set(ouderbetrokkenheid.__all__)
    for name in ouderbetrokkenheid.__all__:
        assert getattr(ouderbetrokkenheid, name) is not None
