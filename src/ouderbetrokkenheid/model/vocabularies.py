"""Controlled vocabularies, as data: each term has a stable code, labels in nl/fr/en and, where one
exists, the matching term of a public standard (LRMI, schema.org).

The JSON Schemas list the same codes as ``enum``s; a test keeps the two identical.
"""

from collections.abc import Iterator

import attrs

from ouderbetrokkenheid.model.text import LocalizedText

LRMI_ROLE = "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/"
SCHEMA = "https://schema.org/"


@attrs.frozen(kw_only=True)
class Term:
    """One term of a vocabulary."""

    code: str
    label: LocalizedText
    #: URI of the closest term in a public standard (``skos:broadMatch``), if any.
    match: str | None = None
    #: For education levels: the school system (``vl`` Dutch-language, ``fwb`` French-language).
    system: str | None = None
    #: Other words for the term (SKOS ``altLabel``), written by this project: search and filters
    #: understand them (``kleuter`` for ``vl-kleuter``).
    alt_labels: tuple[LocalizedText, ...] = ()
    #: Words search understands but never shows (SKOS ``hiddenLabel``).
    hidden_labels: tuple[LocalizedText, ...] = ()


@attrs.frozen(kw_only=True)
class Vocabulary:
    """A named, ordered set of terms."""

    name: str
    label: LocalizedText
    terms: tuple[Term, ...]

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in order."""
        return tuple(term.code for term in self.terms)

    def term(self, code: str) -> Term:
        """Return the term with *code*; raise :class:`KeyError` if there is none."""
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(code)


def _t(code: str, nl: str, fr: str, en: str, match: str | None = None, system: str | None = None) -> Term:
    return Term(code=code, label=LocalizedText({"nl": nl, "fr": fr, "en": en}), match=match, system=system)


def _v(name: str, nl: str, fr: str, en: str, *terms: Term) -> Vocabulary:
    return Vocabulary(name=name, label=LocalizedText({"nl": nl, "fr": fr, "en": en}), terms=terms)


RESOURCE_KINDS = _v(
    "resource-kind",
    "Soort bron",
    "Type de ressource",
    "Resource kind",
    _t("book", "boek", "livre", "book", SCHEMA + "Book"),
    _t("book-chapter", "hoofdstuk in een boek", "chapitre de livre", "book chapter", SCHEMA + "Chapter"),
    _t("brochure", "brochure", "brochure", "brochure", SCHEMA + "CreativeWork"),
    _t("guide", "gids of handleiding", "guide", "guide", SCHEMA + "CreativeWork"),
    _t(
        "research-article",
        "onderzoeksartikel",
        "article de recherche",
        "research article",
        SCHEMA + "ScholarlyArticle",
    ),
    _t("research-report", "onderzoeksrapport", "rapport de recherche", "research report", SCHEMA + "Report"),
    _t("thesis", "masterproef of proefschrift", "mémoire ou thèse", "thesis", SCHEMA + "Thesis"),
    _t(
        "article",
        "artikel of blogbericht",
        "article ou billet de blog",
        "article or blog post",
        SCHEMA + "Article",
    ),
    _t("website", "website", "site web", "website", SCHEMA + "WebSite"),
    _t("dossier", "dossier", "dossier", "dossier", SCHEMA + "CreativeWork"),
    _t(
        "toolkit",
        "materiaal of toolkit",
        "matériel ou boîte à outils",
        "material or toolkit",
        SCHEMA + "CreativeWork",
    ),
    _t("lesson-package", "lessenpakket", "ensemble de leçons", "lesson package", SCHEMA + "LearningResource"),
    _t(
        "instrument",
        "quickscan of instrument",
        "quickscan ou instrument",
        "quickscan or instrument",
        SCHEMA + "Quiz",
    ),
    _t("training", "vorming", "formation", "training", SCHEMA + "Course"),
    _t(
        "practice-example",
        "praktijkvoorbeeld",
        "exemple de pratique",
        "practice example",
        SCHEMA + "CreativeWork",
    ),
    _t("tip-list", "tips", "conseils", "tip list", SCHEMA + "CreativeWork"),
    _t(
        "framework-text",
        "visietekst of werkkader",
        "texte de référence",
        "framework document",
        SCHEMA + "CreativeWork",
    ),
    _t("project", "project", "projet", "project", SCHEMA + "Project"),
)

AUDIENCE_ROLES = _v(
    "audience-role",
    "Doelgroep",
    "Public",
    "Audience",
    _t("school-team", "schoolteam", "équipe éducative", "school team", LRMI_ROLE + "teacher"),
    _t("teacher", "leraar", "enseignant", "teacher", LRMI_ROLE + "teacher"),
    _t("school-leader", "directie", "direction", "school leader", LRMI_ROLE + "administrator"),
    _t(
        "care-staff",
        "zorgteam of brugfiguur",
        "équipe de soutien ou médiateur",
        "care staff or bridge worker",
        LRMI_ROLE + "mentor",
    ),
    _t("parent", "ouder", "parent", "parent", LRMI_ROLE + "parent"),
    _t(
        "parent-council",
        "ouderraad of ouderwerking",
        "association de parents",
        "parent council or association",
        LRMI_ROLE + "parent",
    ),
    _t("pupil", "leerling", "élève", "pupil", LRMI_ROLE + "student"),
    _t(
        "partner-organisation",
        "partnerorganisatie",
        "organisation partenaire",
        "partner organisation",
        LRMI_ROLE + "professional",
    ),
    _t(
        "researcher",
        "onderzoeker of beleidsmaker",
        "chercheur ou décideur",
        "researcher or policy maker",
        LRMI_ROLE + "professional",
    ),
)

EDUCATION_LEVELS = _v(
    "education-level",
    "Onderwijsniveau",
    "Niveau d'enseignement",
    "Education level",
    _t(
        "vl-kleuter",
        "kleuteronderwijs",
        "enseignement maternel (néerlandophone)",
        "nursery (Dutch-language)",
        system="vl",
    ),
    _t(
        "vl-lager",
        "lager onderwijs",
        "enseignement primaire (néerlandophone)",
        "primary (Dutch-language)",
        system="vl",
    ),
    _t(
        "vl-secundair",
        "secundair onderwijs",
        "enseignement secondaire (néerlandophone)",
        "secondary (Dutch-language)",
        system="vl",
    ),
    _t(
        "vl-okan",
        "onthaalonderwijs voor anderstalige nieuwkomers (OKAN)",
        "accueil des primo-arrivants allophones (OKAN)",
        "reception classes for newcomers (OKAN)",
        system="vl",
    ),
    _t(
        "vl-buitengewoon",
        "buitengewoon onderwijs",
        "enseignement spécialisé (néerlandophone)",
        "special needs (Dutch-language)",
        system="vl",
    ),
    _t(
        "vl-volwassenen",
        "volwassenenonderwijs",
        "enseignement pour adultes (néerlandophone)",
        "adult education (Dutch-language)",
        system="vl",
    ),
    _t(
        "fwb-maternel",
        "kleuteronderwijs (Franstalig)",
        "enseignement maternel",
        "nursery (French-language)",
        system="fwb",
    ),
    _t(
        "fwb-primaire",
        "lager onderwijs (Franstalig)",
        "enseignement primaire",
        "primary (French-language)",
        system="fwb",
    ),
    _t(
        "fwb-secondaire",
        "secundair onderwijs (Franstalig)",
        "enseignement secondaire",
        "secondary (French-language)",
        system="fwb",
    ),
    _t(
        "fwb-daspa",
        "onthaalklassen voor nieuwkomers (DASPA, Franstalig)",
        "dispositif d'accueil et de scolarisation des primo-arrivants (DASPA)",
        "reception classes for newcomers (DASPA)",
        system="fwb",
    ),
    _t(
        "fwb-specialise",
        "buitengewoon onderwijs (Franstalig)",
        "enseignement spécialisé",
        "special needs (French-language)",
        system="fwb",
    ),
)

THEMES = _v(
    "theme",
    "Thema",
    "Thème",
    "Theme",
    _t("partnership", "gelijkwaardig partnerschap", "partenariat égalitaire", "equal partnership"),
    _t("home-involvement", "thuisbetrokkenheid", "implication à la maison", "home involvement"),
    _t("communication", "communicatie", "communication", "communication"),
    _t("participation", "ouderparticipatie en inspraak", "participation des parents", "parent participation"),
    _t("parent-organisation", "ouderwerking en ouderraad", "association de parents", "parent organisation"),
    _t(
        "diversity",
        "diversiteit en gelijke kansen",
        "diversité et égalité des chances",
        "diversity and equal opportunities",
    ),
    _t("multilingualism", "meertaligheid", "multilinguisme", "multilingualism"),
    _t("poverty", "kansarmoede", "précarité", "poverty"),
    _t("reading", "lezen en voorlezen", "lecture", "reading"),
    _t("school-career", "schoolloopbaan", "parcours scolaire", "school career"),
    _t("wellbeing", "welbevinden", "bien-être", "wellbeing"),
    _t("early-childhood", "jonge kinderen en kleuterparticipatie", "petite enfance", "early childhood"),
    _t("research", "onderzoek en evidentie", "recherche et données probantes", "research and evidence"),
    _t("self-assessment", "zelfevaluatie", "auto-évaluation", "self-assessment"),
    _t("bullying", "pesten", "harcèlement", "bullying"),
    _t("dropout", "schooluitval", "décrochage scolaire", "early school leaving"),
    _t("identity-values", "identiteit en waarden", "identité et valeurs", "identity and values"),
)

ACCESS = _v(
    "access",
    "Toegang",
    "Accès",
    "Access",
    _t("online", "online te bekijken", "en ligne", "online"),
    _t("download", "te downloaden", "à télécharger", "download"),
    _t("lend", "te ontlenen", "à emprunter", "lend"),
    _t("order", "te bestellen", "à commander", "order"),
    _t("members", "voor leden", "réservé aux membres", "members only"),
    _t("on-request", "op aanvraag", "sur demande", "on request"),
)

VERIFICATION = _v(
    "verification",
    "Verificatie",
    "Vérification",
    "Verification",
    _t(
        "verified",
        "nagekeken in de oorspronkelijke publicatie",
        "vérifié dans la publication originale",
        "checked against the original publication",
    ),
    _t(
        "from-source-document",
        "overgenomen uit het brondocument",
        "repris du document source",
        "taken from the source document",
    ),
    _t("secondary-source", "uit een secundaire bron", "d'une source secondaire", "from a secondary source"),
    _t("unverified", "niet nagekeken", "non vérifié", "unverified"),
    _t(
        "example-authored-here",
        "voorbeeld geschreven door dit project",
        "exemple rédigé par ce projet",
        "example written by this project",
    ),
    _t("authored-here", "geschreven door dit project", "rédigé par ce projet", "written by this project"),
)

CONTENT_STATUS = _v(
    "content-status",
    "Volledigheid",
    "Complétude",
    "Completeness",
    _t("complete", "volledig", "complet", "complete"),
    _t("partial", "gedeeltelijk bekend", "partiellement connu", "partly known"),
    _t(
        "metadata-only",
        "enkel beschrijving, inhoud onbekend",
        "description seulement, contenu inconnu",
        "described only, content unknown",
    ),
)

MAPPING_PREDICATES = _v(
    "mapping-predicate",
    "Soort overeenkomst",
    "Type de correspondance",
    "Mapping predicate",
    _t(
        "exact",
        "komt exact overeen",
        "correspondance exacte",
        "exact match",
        "http://www.w3.org/2004/02/skos/core#exactMatch",
    ),
    _t(
        "close",
        "komt nauw overeen",
        "correspondance proche",
        "close match",
        "http://www.w3.org/2004/02/skos/core#closeMatch",
    ),
    _t(
        "broad",
        "is ruimer",
        "correspondance plus large",
        "broad match",
        "http://www.w3.org/2004/02/skos/core#broadMatch",
    ),
    _t(
        "narrow",
        "is enger",
        "correspondance plus étroite",
        "narrow match",
        "http://www.w3.org/2004/02/skos/core#narrowMatch",
    ),
    _t(
        "related",
        "is verwant",
        "correspondance associée",
        "related match",
        "http://www.w3.org/2004/02/skos/core#relatedMatch",
    ),
)

EFFECT_METRICS = _v(
    "effect-metric",
    "Effectmaat",
    "Mesure d'effet",
    "Effect metric",
    _t("cohens-d", "effectgrootte (Cohen's d)", "taille d'effet (d de Cohen)", "effect size (Cohen's d)"),
    _t("hedges-g", "effectgrootte (Hedges' g)", "taille d'effet (g de Hedges)", "effect size (Hedges' g)"),
    _t("correlation-r", "correlatie (r)", "corrélation (r)", "correlation (r)"),
    _t(
        "months-progress",
        "maanden extra leervooruitgang",
        "mois de progrès supplémentaires",
        "months of additional progress",
    ),
)

TRANSLATION_METHODS = _v(
    "translation-method",
    "Vertaalwijze",
    "Mode de traduction",
    "Translation method",
    _t("human", "menselijke vertaling", "traduction humaine", "human translation"),
    _t("machine", "automatische vertaling", "traduction automatique", "machine translation"),
    _t("source", "brontaal", "langue source", "source language"),
)

AGENT_KINDS = _v(
    "agent-kind",
    "Soort actor",
    "Type d'acteur",
    "Agent kind",
    _t("person", "persoon", "personne", "person", SCHEMA + "Person"),
    _t("organisation", "organisatie", "organisation", "organisation", SCHEMA + "Organization"),
)

#: Other words for vocabulary terms (SKOS ``altLabel``), written by this project for search and for
#: filter values given as words (``--kind boek``): vocabulary -> code -> language -> words.
ALT_LABELS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "resource-kind": {
        "book": {"nl": ("boek",), "fr": ("livre", "ouvrage"), "en": ("book",)},
        "brochure": {"nl": ("folder",), "fr": ("dépliant",), "en": ("leaflet", "booklet")},
        "guide": {
            "nl": ("gids", "handleiding", "draaiboek", "inspiratiegids"),
            "fr": ("mode d'emploi", "manuel"),
            "en": ("manual", "handbook"),
        },
        "research-report": {"nl": ("rapport", "onderzoek"), "fr": ("rapport",), "en": ("report",)},
        "thesis": {
            "nl": ("masterproef", "proefschrift", "doctoraat", "thesis"),
            "fr": ("mémoire", "thèse"),
            "en": ("dissertation",),
        },
        "article": {"nl": ("artikel", "blog"), "fr": ("article", "blog"), "en": ("article", "blog")},
        "website": {
            "nl": ("site", "webpagina"),
            "fr": ("site internet", "page web"),
            "en": ("web page", "site"),
        },
        "toolkit": {
            "nl": ("materiaal", "toolkit", "gereedschapskist"),
            "fr": ("matériel", "outils"),
            "en": ("materials", "tools"),
        },
        "instrument": {
            "nl": ("quickscan", "zelftest", "vragenlijst", "instrument"),
            "fr": ("questionnaire", "quickscan", "outil d'évaluation"),
            "en": ("questionnaire", "quickscan", "survey", "instrument"),
        },
        "training": {
            "nl": ("vorming", "opleiding", "nascholing", "workshop"),
            "fr": ("formation", "atelier"),
            "en": ("training", "workshop", "course"),
        },
        "practice-example": {
            "nl": ("praktijkvoorbeeld", "goede praktijk"),
            "fr": ("bonne pratique",),
            "en": ("good practice",),
        },
        "tip-list": {"nl": ("tips",), "fr": ("conseils", "astuces"), "en": ("tips",)},
    },
    "education-level": {
        "vl-kleuter": {
            "nl": ("kleuter", "kleuterschool", "kleuteronderwijs"),
            "fr": ("maternelle", "école maternelle"),
            "en": ("nursery", "kindergarten", "preschool", "early years"),
        },
        "vl-lager": {
            "nl": ("lagere school", "basisschool", "basisonderwijs"),
            "fr": ("école primaire", "primaire"),
            "en": ("primary school", "elementary school"),
        },
        "vl-secundair": {
            "nl": ("secundair", "middelbare school", "secundaire school"),
            "fr": ("secondaire", "école secondaire"),
            "en": ("secondary", "secondary school", "high school"),
        },
        "vl-okan": {
            "nl": ("okan", "nieuwkomers", "anderstalige nieuwkomers"),
            "fr": ("primo-arrivants",),
            "en": ("newcomers",),
        },
    },
    "theme": {
        "parent-organisation": {
            "nl": ("ouderwerking", "ouderraad", "oudervereniging"),
            "fr": ("association de parents", "conseil des parents"),
            "en": ("parent council", "parents' association"),
        },
        "participation": {
            "nl": ("inspraak", "participatie"),
            "fr": ("participation",),
            "en": ("participation",),
        },
        "diversity": {"nl": ("diversiteit", "gelijke kansen"), "fr": ("diversité",), "en": ("diversity",)},
        "poverty": {"nl": ("armoede", "kansarm"), "fr": ("pauvreté",), "en": ("deprivation",)},
        "reading": {
            "nl": ("voorlezen", "lezen"),
            "fr": ("lire", "lecture à voix haute"),
            "en": ("reading aloud",),
        },
        "early-childhood": {
            "nl": ("kleuters", "jonge kinderen"),
            "fr": ("maternelle",),
            "en": ("early years",),
        },
        "research": {"nl": ("onderzoek", "evidentie"), "fr": ("recherche",), "en": ("research", "evidence")},
        "self-assessment": {
            "nl": ("zelfevaluatie", "zelftest"),
            "fr": ("autoévaluation", "auto-évaluation"),
            "en": ("self-assessment", "self-evaluation"),
        },
        "dropout": {"nl": ("vroegtijdig schoolverlaten",), "fr": ("abandon scolaire",), "en": ("dropout",)},
        "multilingualism": {
            "nl": ("meertalig", "anderstalig", "thuistaal"),
            "fr": ("multilingue", "allophone"),
            "en": ("multilingual", "home language"),
        },
    },
    "audience-role": {
        "parent-council": {
            "nl": ("ouderraad", "ouderwerking", "oudervereniging", "oudercomité"),
            "fr": ("association de parents", "conseil des parents", "comité de parents"),
            "en": ("parent council", "parents' association", "parent committee"),
        },
        "teacher": {
            "nl": ("leerkracht", "juf", "meester"),
            "fr": ("professeur", "instituteur"),
            "en": ("teacher",),
        },
    },
}


def _with_alt_labels(vocabulary: Vocabulary) -> Vocabulary:
    extra = ALT_LABELS.get(vocabulary.name, {})
    return attrs.evolve(
        vocabulary,
        terms=tuple(
            attrs.evolve(
                term,
                alt_labels=tuple(
                    LocalizedText({lang: word})
                    for lang, found in extra.get(term.code, {}).items()
                    for word in found
                ),
            )
            for term in vocabulary.terms
        ),
    )


#: Every vocabulary, by name.
VOCABULARIES: dict[str, Vocabulary] = {
    v.name: _with_alt_labels(v)
    for v in (
        RESOURCE_KINDS,
        AUDIENCE_ROLES,
        EDUCATION_LEVELS,
        THEMES,
        ACCESS,
        VERIFICATION,
        CONTENT_STATUS,
        MAPPING_PREDICATES,
        EFFECT_METRICS,
        TRANSLATION_METHODS,
        AGENT_KINDS,
    )
}
