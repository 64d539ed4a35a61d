"""``ouderbetrokkenheid new-pack NAME``: an installable content pack that validates and passes its own
tests as generated. Its sample records are marked as examples, to be replaced by the author."""

import datetime
import re
from pathlib import Path

from ouderbetrokkenheid.errors import OuderbetrokkenheidError, Phrase
from ouderbetrokkenheid.i18n import N_

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class ScaffoldError(OuderbetrokkenheidError):
    """The pack cannot be created (a bad name, or the folder exists)."""


def _files(name: str, module: str, dist: str, publisher: str) -> dict[str, str]:
    today = datetime.date.today().isoformat()
    return {
        "pyproject.toml": f'''[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "A content pack for ouderbetrokkenheid, published by {publisher}."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["ouderbetrokkenheid"]

[project.optional-dependencies]
test = ["pytest>=8"]

[project.entry-points.ouderbetrokkenheid]
{name} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
''',
        "README.md": f"""# {dist}

A content pack for [ouderbetrokkenheid](https://pypi.org/project/ouderbetrokkenheid/), published by {publisher}.

The records in `src/{module}/pack/` are **examples written by the scaffold**: replace them with your own,
each with its provenance (declare your source documents in `pack.yaml` under `sources`).

```sh
pip install -e ".[test]"
ouderbetrokkenheid validate src/{module}/pack     # every problem, with file, line and hint
pytest                                            # the pack's own tests
ouderbetrokkenheid plugins                        # your pack is listed once installed
```
""",
        f"src/{module}/__init__.py": f'''"""The {name} content pack for ouderbetrokkenheid."""

from importlib.resources import files

from ouderbetrokkenheid import hookimpl


@hookimpl
def ob_packs():  # noqa: ANN201
    """Ship the pack folder next to this module."""
    return [files(__name__) / "pack"]
''',
        f"src/{module}/py.typed": "",
        f"src/{module}/pack/pack.yaml": f"""name: {name}
version: 0.1.0
title:
  nl: {name} (titel in het Nederlands)
  fr: {name} (titre en français)
  en: {name} (title in English)
publisher:
  name: {publisher}
  kind: organisation
licence: CC-BY-4.0
languages: [nl, fr, en]
sources:
  - id: scaffold
    title: Sample records written by `ouderbetrokkenheid new-pack`; replace them
    publisher: {publisher}
    retrieved: {today}
""",
        f"src/{module}/pack/records.yaml": f"""# Sample records: replace them with your own. Every record needs provenance.
resources:
  - id: {name}/voorbeeld-brochure
    kind: brochure
    title:
      nl: Voorbeeldbrochure (vervang mij)
      fr: Brochure d'exemple (à remplacer)
      en: Example brochure (replace me)
    summary:
      nl: Een voorbeeldrecord uit de sjabloon; het beschrijft geen bestaande brochure.
      fr: Un enregistrement d'exemple du modèle ; il ne décrit aucune brochure existante.
      en: A sample record from the scaffold; it describes no existing brochure.
    audiences: [school-team, parent]
    themes: [communication]
    concepts: [{name}/kader#contact]
    provenance:
      source: scaffold
      status: example-authored-here
frameworks:
  - id: {name}/kader
    title:
      nl: Voorbeeldkader (vervang mij)
      fr: Cadre d'exemple (à remplacer)
      en: Example framework (replace me)
    concepts:
      - id: {name}/kader#contact
        label: {{nl: Contact, fr: Contact, en: Contact}}
      - id: {name}/kader#samenwerking
        label: {{nl: Samenwerking, fr: Collaboration, en: Cooperation}}
    collections:
      - id: {name}/kader#onderdelen
        label: {{nl: Onderdelen, fr: Parties, en: Parts}}
        ordered: false
        members: [{name}/kader#contact, {name}/kader#samenwerking]
    provenance:
      source: scaffold
      status: example-authored-here
""",
        f"tests/test_{module}.py": f'''"""Tests of the {name} pack: it validates, and its records say where they come from."""

from importlib.resources import files
from pathlib import Path

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.testing import assert_valid_pack

PACK = Path(__file__).resolve().parents[1] / "src" / "{module}" / "pack"


def test_pack_is_valid_without_warnings():
    assert_valid_pack(PACK)


def test_every_record_has_a_declared_source():
    pack = ob.load_pack(PACK)
    sources = {{source.id for source in pack.manifest.sources}}
    assert all(record.provenance.source in sources for record in pack.records())


def test_the_plugin_ships_this_folder():
    import {module}

    (folder,) = {module}.ob_packs()
    assert Path(str(folder)) == PACK
    assert files("{module}").joinpath("pack", "pack.yaml").is_file()
''',
    }


def scaffold_pack(name: str, directory: str | Path = ".", *, publisher: str | None = None) -> Path:
    """Create ``ouderbetrokkenheid-NAME/`` in *directory* and return its path.

    Raise :class:`ScaffoldError` when *name* is not a valid pack name or the folder already exists.
    """
    if not _NAME.match(name) or len(name) > 40:
        raise ScaffoldError(
            Phrase(
                N_(
                    "'{name}' is not a valid pack name: use lower case letters, digits and single hyphens, "
                    "starting with a letter (mijn-school)"
                ),
                name=name,
            )
        )
    dist = f"ouderbetrokkenheid-{name}"
    module = "ouderbetrokkenheid_" + name.replace("-", "_")
    root = Path(directory) / dist
    if root.exists():
        raise ScaffoldError(
            Phrase(N_("{folder} already exists; choose another name or folder"), folder=str(root))
        )
    files = _files(name, module, dist, publisher or f"the publisher of {name}")
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
    return root
