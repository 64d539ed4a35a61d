# ruff: noqa: N806  (type aliases inside the builder functions are CapWords on purpose)
"""The same records as typed objects with msgspec and with pydantic v2, for comparison.

The types mirror the JSON Schemas where that is easy: required fields, unknown fields refused, enums
as ``Literal``, the id / language-tag / URL patterns, string lengths, the year range, non-empty
localized text. Not mirrored (no equivalent, or not cheap): ``uniqueItems``, the link's
"url or provider" ``anyOf``, ``format: uri`` beyond the pattern, and every cross-record check of
ours (unique ids, references, sources, translations). So both rivals do *less* than ``load_pack``.
"""

from pathlib import Path
from typing import Annotated, Any, Literal

from ouderbetrokkenheid.model.vocabularies import VOCABULARIES

NAMESPACE = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
RECORD_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z0-9]+([._-][a-z0-9]+)*$"
CONCEPT_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z0-9]+([._-][a-z0-9]+)*#[a-z0-9]+([._-][a-z0-9]+)*$"
SOURCE_ID = r"^[a-z0-9]+([._-][a-z0-9]+)*$"
LANG = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
URL = r"^(https?://[^\s]+|mailto:[^\s]+)$"
ISBN = r"^(97[89])?[0-9]{9}[0-9X]$"
LICENCE = r"^([A-Za-z0-9][A-Za-z0-9.+-]*|https?://[^\s]+|mailto:[^\s]+)$"
VERSION = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _codes(name: str) -> Any:
    return Literal[VOCABULARIES[name].codes]  # type: ignore[valid-type]


ResourceKind = _codes("resource-kind")
AudienceRole = _codes("audience-role")
EducationLevel = _codes("education-level")
Theme = _codes("theme")
Access = _codes("access")
Verification = _codes("verification")
ContentStatus = _codes("content-status")
TranslationMethod = _codes("translation-method")
AgentKind = _codes("agent-kind")


# -- msgspec -----------------------------------------------------------------------------------
def msgspec_types() -> dict[str, Any]:
    """``{"records": RecordsFile, "manifest": Manifest}`` as msgspec Structs (frozen, unknown fields refused)."""
    import msgspec
    from msgspec import Meta

    def s(pattern: str | None = None, min_length: int | None = None, max_length: int | None = None) -> Any:
        return Annotated[str, Meta(pattern=pattern, min_length=min_length, max_length=max_length)]

    Lang = s(LANG)
    Text = Annotated[dict[Lang, s(min_length=1, max_length=20000)], Meta(min_length=1)]
    RecordId = s(RECORD_ID, max_length=200)
    ConceptId = s(CONCEPT_ID, max_length=300)
    SourceId = s(SOURCE_ID, max_length=80)
    Url = s(URL, max_length=2000)
    Short = s(min_length=1, max_length=500)
    Year = Annotated[int, Meta(ge=1800, le=2100)]
    opts = {"kw_only": True, "frozen": True, "forbid_unknown_fields": True}

    class Agent(msgspec.Struct, **opts):
        name: Short
        kind: AgentKind = "organisation"
        url: Url | None = None

    class Link(msgspec.Struct, **opts):
        access: Access
        url: Url | None = None
        provider: Short | None = None
        label: Text | None = None
        languages: tuple[Lang, ...] = ()

    class Translation(msgspec.Struct, **opts):
        language: Lang
        method: TranslationMethod = "human"
        by: Short | None = None

    class Provenance(msgspec.Struct, **opts):
        source: SourceId
        status: Verification
        locator: Short | None = None
        language: Lang = "nl"
        translations: tuple[Translation, ...] = ()
        note: Text | None = None

    class Resource(msgspec.Struct, **opts):
        id: RecordId
        kind: ResourceKind
        title: Text
        provenance: Provenance
        subtitle: Text | None = None
        summary: Text | None = None
        authors: tuple[Agent, ...] = ()
        publisher: tuple[Agent, ...] = ()
        year: Year | None = None
        edition: Short | None = None
        isbn: s(ISBN) | None = None
        languages: tuple[Lang, ...] = ()
        audiences: tuple[AudienceRole, ...] = ()
        levels: tuple[EducationLevel, ...] = ()
        themes: tuple[Theme, ...] = ()
        concepts: tuple[ConceptId, ...] = ()
        links: tuple[Link, ...] = ()
        free: bool | None = None
        licence: s(LICENCE, max_length=2000) | None = None
        part_of: RecordId | None = None
        related: tuple[RecordId, ...] = ()

    class Concept(msgspec.Struct, **opts):
        id: ConceptId
        label: Text
        definition: Text | None = None
        notation: s(min_length=1, max_length=20) | None = None
        broader: ConceptId | None = None
        alt_labels: tuple[Text, ...] = ()

    class Collection(msgspec.Struct, **opts):
        id: ConceptId
        label: Text
        ordered: bool
        members: tuple[ConceptId, ...] = ()
        expected_members: Annotated[int, Meta(ge=1, le=1000)] | None = None

    class Framework(msgspec.Struct, **opts):
        id: RecordId
        title: Text
        provenance: Provenance
        summary: Text | None = None
        authors: tuple[Agent, ...] = ()
        publisher: tuple[Agent, ...] = ()
        year: Year | None = None
        content_status: ContentStatus = "complete"
        known_gaps: Text | None = None
        concepts: tuple[Concept, ...] = ()
        collections: tuple[Collection, ...] = ()
        described_in: tuple[RecordId, ...] = ()
        themes: tuple[Theme, ...] = ()

    class RecordsFile(msgspec.Struct, **opts):
        resources: tuple[Resource, ...] = ()
        frameworks: tuple[Framework, ...] = ()

    class Source(msgspec.Struct, **opts):
        id: SourceId
        title: Short
        publisher: Short | None = None
        year: Year | None = None
        edition: Short | None = None
        url: Url | None = None
        retrieved: s(DATE) | None = None
        document: Short | None = None

    class Manifest(msgspec.Struct, **opts):
        name: s(NAMESPACE, max_length=40)
        version: s(VERSION)
        title: Text
        publisher: Agent
        licence: s(LICENCE, max_length=2000)
        languages: Annotated[tuple[Lang, ...], Meta(min_length=1)]
        summary: Text | None = None
        homepage: Url | None = None
        sources: tuple[Source, ...] = ()
        depends: tuple[s(NAMESPACE, max_length=40), ...] = ()

    return {"records": RecordsFile, "manifest": Manifest}


# -- pydantic ----------------------------------------------------------------------------------
def pydantic_types() -> dict[str, Any]:
    """``{"records": TypeAdapter(RecordsFile), "manifest": TypeAdapter(Manifest)}`` (frozen, extra=forbid)."""
    from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, TypeAdapter

    def s(pattern: str | None = None, min_length: int | None = None, max_length: int | None = None) -> Any:
        return Annotated[
            str, StringConstraints(strict=True, pattern=pattern, min_length=min_length, max_length=max_length)
        ]

    Lang = s(LANG)
    Text = Annotated[dict[Lang, s(min_length=1, max_length=20000)], Field(min_length=1)]
    RecordId = s(RECORD_ID, max_length=200)
    ConceptId = s(CONCEPT_ID, max_length=300)
    SourceId = s(SOURCE_ID, max_length=80)
    Url = s(URL, max_length=2000)
    Short = s(min_length=1, max_length=500)
    Year = Annotated[int, Field(ge=1800, le=2100, strict=True)]

    class Model(BaseModel):
        # Not strict=True for the whole model: strict mode refuses a Python list for a tuple field
        # (the YAML route). Scalars are made strict one by one instead, as the schema is.
        model_config = ConfigDict(extra="forbid", frozen=True)

    class Agent(Model):
        name: Short
        kind: AgentKind = "organisation"
        url: Url | None = None

    class Link(Model):
        access: Access
        url: Url | None = None
        provider: Short | None = None
        label: Text | None = None
        languages: tuple[Lang, ...] = ()

    class Translation(Model):
        language: Lang
        method: TranslationMethod = "human"
        by: Short | None = None

    class Provenance(Model):
        source: SourceId
        status: Verification
        locator: Short | None = None
        language: Lang = "nl"
        translations: tuple[Translation, ...] = ()
        note: Text | None = None

    class Resource(Model):
        id: RecordId
        kind: ResourceKind
        title: Text
        provenance: Provenance
        subtitle: Text | None = None
        summary: Text | None = None
        authors: tuple[Agent, ...] = ()
        publisher: tuple[Agent, ...] = ()
        year: Year | None = None
        edition: Short | None = None
        isbn: s(ISBN) | None = None
        languages: tuple[Lang, ...] = ()
        audiences: tuple[AudienceRole, ...] = ()
        levels: tuple[EducationLevel, ...] = ()
        themes: tuple[Theme, ...] = ()
        concepts: tuple[ConceptId, ...] = ()
        links: tuple[Link, ...] = ()
        free: StrictBool | None = None
        licence: s(LICENCE, max_length=2000) | None = None
        part_of: RecordId | None = None
        related: tuple[RecordId, ...] = ()

    class Concept(Model):
        id: ConceptId
        label: Text
        definition: Text | None = None
        notation: s(min_length=1, max_length=20) | None = None
        broader: ConceptId | None = None
        alt_labels: tuple[Text, ...] = ()

    class Collection(Model):
        id: ConceptId
        label: Text
        ordered: StrictBool
        members: tuple[ConceptId, ...] = ()
        expected_members: Annotated[int, Field(ge=1, le=1000, strict=True)] | None = None

    class Framework(Model):
        id: RecordId
        title: Text
        provenance: Provenance
        summary: Text | None = None
        authors: tuple[Agent, ...] = ()
        publisher: tuple[Agent, ...] = ()
        year: Year | None = None
        content_status: ContentStatus = "complete"
        known_gaps: Text | None = None
        concepts: tuple[Concept, ...] = ()
        collections: tuple[Collection, ...] = ()
        described_in: tuple[RecordId, ...] = ()
        themes: tuple[Theme, ...] = ()

    class RecordsFile(Model):
        resources: tuple[Resource, ...] = ()
        frameworks: tuple[Framework, ...] = ()

    class Source(Model):
        id: SourceId
        title: Short
        publisher: Short | None = None
        year: Year | None = None
        edition: Short | None = None
        url: Url | None = None
        retrieved: s(DATE) | None = None
        document: Short | None = None

    class Manifest(Model):
        name: s(NAMESPACE, max_length=40)
        version: s(VERSION)
        title: Text
        publisher: Agent
        licence: s(LICENCE, max_length=2000)
        languages: Annotated[tuple[Lang, ...], Field(min_length=1)]
        summary: Text | None = None
        homepage: Url | None = None
        sources: tuple[Source, ...] = ()
        depends: tuple[s(NAMESPACE, max_length=40), ...] = ()

    return {"records": TypeAdapter(RecordsFile), "manifest": TypeAdapter(Manifest)}


# -- loaders: read every file of the pack from disk, decode, build typed objects ----------------
def _yaml_rs(raw: bytes) -> Any:
    import yaml_rs

    return yaml_rs.loads(raw.decode("utf-8"), parse_datetime=False)


def make_loader(lib: str, fmt: str) -> Any:
    """A function ``folder -> (manifest, resources, frameworks)`` doing the typed decode with *lib*.

    *lib* is ``msgspec`` (``msgspec.json.decode`` / ``msgspec.yaml.decode``, which uses PyYAML's C
    loader), ``msgspec-yamlrs`` (yaml-rs then ``msgspec.convert``) or ``pydantic``
    (``validate_json`` / yaml-rs then ``validate_python``). The manifest (``pack.yaml``) is always YAML.
    """
    from packgen import data_files

    if lib in ("msgspec", "msgspec-yamlrs"):
        import msgspec

        types = msgspec_types()
        records_type, manifest_type = types["records"], types["manifest"]

        def yaml_rs_convert(raw: bytes, typ: Any) -> Any:
            return msgspec.convert(_yaml_rs(raw), typ)

        if fmt == "json":

            def decode(raw: bytes, typ: Any) -> Any:
                return msgspec.json.decode(raw, type=typ)
        elif lib == "msgspec":
            import msgspec.yaml

            def decode(raw: bytes, typ: Any) -> Any:
                return msgspec.yaml.decode(raw, type=typ)
        else:
            decode = yaml_rs_convert
        # pack.yaml: the same YAML route as the records for YAML packs, yaml-rs for JSON packs.
        decode_manifest = decode if fmt == "yaml" else yaml_rs_convert
    elif lib == "pydantic":
        types = pydantic_types()
        records_type, manifest_type = types["records"], types["manifest"]

        def decode_yaml(raw: bytes, adapter: Any) -> Any:
            return adapter.validate_python(_yaml_rs(raw))

        if fmt == "json":

            def decode(raw: bytes, adapter: Any) -> Any:
                return adapter.validate_json(raw)
        else:
            decode = decode_yaml
        decode_manifest = decode_yaml
    else:
        raise ValueError(lib)

    def load(folder: Path) -> tuple[Any, list[Any], list[Any]]:
        manifest_path, files = data_files(Path(folder))
        manifest = decode_manifest(manifest_path.read_bytes(), manifest_type)
        resources: list[Any] = []
        frameworks: list[Any] = []
        for path in files:
            records = decode(path.read_bytes(), records_type)
            resources.extend(records.resources)
            frameworks.extend(records.frameworks)
        return manifest, resources, frameworks

    return load
