"""The model and the schemas agree, proven both ways with hypothesis."""

import cattrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.converter import build_converter
from ouderbetrokkenheid.testing import strategies as obst

from .schema_strategies import instances

CLASSES = {
    "resource": ob.Resource,
    "finding": ob.Finding,
    "framework": ob.Framework,
    "mapping": ob.Mapping,
    "assessment": ob.Assessment,
    "pack": ob.PackManifest,
    "response": ob.Response,
    "result": ob.Result,
}
STRICT = build_converter(forbid_extra_keys=True)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_model_to_schema_and_back(kind):
    """model -> unstructure -> valid against the schema (both validators) -> structure -> equal."""

    @given(obst.BY_KIND[kind]())
    def check(obj):
        data = ob.unstructure(obj)
        errors = [f"{e.json_path}: {e.message}" for e in ob.schema.validator(kind).iter_errors(data)]
        assert not errors, errors
        assert ob.schema.fast_validator(kind).is_valid(data)
        assert ob.structure(data, CLASSES[kind]) == obj

    check()


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_schema_to_model_and_back(kind):
    """Any data the schema accepts becomes a model object without losing a field (the strict converter
    refuses keys the model lacks), and comes back as valid data that builds the same object."""

    @given(instances(kind))
    def check(data):
        assume(ob.schema.validator(kind).is_valid(data))
        obj = STRICT.structure(data, CLASSES[kind])
        again = ob.unstructure(obj)
        assert ob.schema.validator(kind).is_valid(again)
        assert ob.structure(again, CLASSES[kind]) == obj
        assert _written_from(again, data)  # what is written out was read (defaults aside)

    check()


def _written_from(out, data):
    """Whether every value in *out* is in *data* at the same place (*data* may hold more: defaults)."""
    if isinstance(out, dict):
        return isinstance(data, dict) and all(k in data and _written_from(v, data[k]) for k, v in out.items())
    if isinstance(out, list):
        return isinstance(data, list) and len(out) == len(data) and all(map(_written_from, out, data))
    return out == data


@given(obst.content_packs())
def test_generated_packs_round_trip_through_files(tmp_path_factory, pack):
    """A pack written to disk (as JSON) loads back equal, with no errors."""
    import json

    folder = tmp_path_factory.mktemp("pack")
    (folder / "pack.json").write_text(json.dumps(ob.unstructure(pack.manifest)), "utf-8")
    records = {
        kind: [ob.unstructure(r) for r in getattr(pack, kind)]
        for kind in ("resources", "frameworks")
        if getattr(pack, kind)
    }
    (folder / "records.json").write_text(json.dumps(records), "utf-8")
    loaded, report = ob.check_pack(folder)
    assert report.ok, report.problems
    assert loaded == pack


def test_strict_converter_catches_a_field_the_model_lacks():
    """The agreement test can fail: data with a key that no model field holds is refused."""
    data = {
        "id": "p/r",
        "kind": "book",
        "title": {"nl": "T"},
        "provenance": {"source": "s", "status": "unverified"},
        "isbn_13": "9780000000000",
    }
    with pytest.raises(cattrs.errors.ForbiddenExtraKeysError) as info:
        STRICT.structure(data, ob.Resource)
    assert info.value.extra_fields == {"isbn_13"}
    assert info.value.cl is ob.Resource


@given(st.data())
def test_strategies_build_valid_objects_for_every_kind(data):
    kind = data.draw(st.sampled_from(sorted(CLASSES)))
    obj = data.draw(obst.BY_KIND[kind]())
    assert ob.schema.fast_validator(kind).is_valid(ob.unstructure(obj))


RECORD_CLASSES = {
    kind: CLASSES[kind] for kind in ("resource", "finding", "framework", "mapping", "assessment")
}


@pytest.mark.parametrize("kind", sorted(RECORD_CLASSES))
def test_loader_structurer_builds_what_cattrs_builds(kind):
    """The loader builds records with msgspec (``converter.structurer``); for any data the schema
    accepts it gives the object cattrs gives, down to the types (1 and 1.0 are written differently)."""
    import json

    from ouderbetrokkenheid.converter import structurer

    build = structurer(RECORD_CLASSES[kind])

    @given(instances(kind))
    def check(data):
        assume(ob.schema.fast_validator(kind).is_valid(data))
        fast, reference = build(data), STRICT.structure(data, RECORD_CLASSES[kind])
        assert fast == reference
        assert json.dumps(ob.unstructure(fast)) == json.dumps(ob.unstructure(reference))

    check()


@pytest.mark.parametrize("kind", sorted(RECORD_CLASSES))
def test_absent_defaults_are_the_fields_defaults(kind):
    """``converter.structurer`` gives a record's absent fields the defaults of ``absent_defaults``
    before msgspec builds it: each must be the attrs default of its field, as parsed JSON gives it."""
    import attrs

    from ouderbetrokkenheid.converter import absent_defaults

    cls = RECORD_CLASSES[kind]
    fields = {field.name: field for field in attrs.fields(cls)}
    defaults = absent_defaults(cls)
    assert defaults, f"{kind}: no optional field found"
    for name, value in defaults.items():
        default = fields[name].default
        if isinstance(default, attrs.Factory):
            default = default.factory()
        assert value == default and type(value) is type(default), name
        assert value is None or value == ()
    required = {name for name, field in fields.items() if field.default is attrs.NOTHING}
    assert not required & defaults.keys()
