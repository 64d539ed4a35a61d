"""The site's own words (navigation, headings, field names, the scale legends), in Dutch, French and
English. Content comes from the packs; only these words are ours. A page in any other language gets
them in Dutch, marked ``lang="nl"``.
"""

import functools
from collections.abc import Mapping

from ouderbetrokkenheid.model.text import LocalizedText, fallback_chain
from ouderbetrokkenheid.reports.view import Text

#: The languages the site's words are written in; the first is the fallback.
UI_LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")


def _m(nl: str, fr: str, en: str) -> LocalizedText:
    return LocalizedText({"nl": nl, "fr": fr, "en": en})


#: Message key -> text. Placeholders are ``str.format`` fields, filled in (escaped) by the caller.
MESSAGES: Mapping[str, LocalizedText] = {
    # frame
    "site_title": _m("Ouderbetrokkenheid", "Implication parentale", "Parental involvement"),
    "skip": _m("Naar de inhoud", "Aller au contenu", "Skip to content"),
    "nav_main": _m("Hoofdmenu", "Menu principal", "Main menu"),
    "nav_lang": _m("Taal", "Langue", "Language"),
    "home": _m("Start", "Accueil", "Home"),
    "catalog": _m("Catalogus", "Catalogue", "Catalogue"),
    "evidence": _m("Onderzoek", "Recherche", "Evidence"),
    "instruments": _m("Instrumenten", "Instruments", "Instruments"),
    "frameworks": _m("Referentiekaders", "Cadres de référence", "Reference frameworks"),
    "search_label": _m("Zoeken in de catalogus", "Rechercher dans le catalogue", "Search the catalogue"),
    "search_button": _m("Zoeken", "Rechercher", "Search"),
    "footer_made": _m(
        "Gemaakt met ouderbetrokkenheid {version}. Deze site werkt zonder internetverbinding.",
        "Réalisé avec ouderbetrokkenheid {version}. Ce site fonctionne sans connexion internet.",
        "Made with ouderbetrokkenheid {version}. This site works without an internet connection.",
    ),
    "footer_content": _m("Inhoud uit de pakketten:", "Contenu des paquets :", "Content from the packs:"),
    "choose_language": _m("Kies een taal", "Choisissez une langue", "Choose a language"),
    # home
    "home_intro": _m(
        "Bronnen, referentiekaders, onderzoek en instrumenten over de samenwerking tussen ouders en "
        "school, samengebracht uit {packs} inhoudspakketten.",
        "Ressources, cadres de référence, recherches et instruments sur la collaboration entre les parents "
        "et l'école, rassemblés à partir de {packs} paquets de contenu.",
        "Resources, reference frameworks, research and instruments on the cooperation between parents and "
        "school, brought together from {packs} content packs.",
    ),
    "home_frameworks_intro": _m(
        "Elk kader kijkt op zijn eigen manier naar ouderbetrokkenheid. Bij elk kader staat of zijn "
        "onderdelen een volgorde hebben.",
        "Chaque cadre regarde l'implication parentale à sa manière. Pour chaque cadre, il est indiqué si "
        "ses éléments ont un ordre.",
        "Each framework looks at parental involvement in its own way. Each one says whether its parts "
        "have an order.",
    ),
    "home_tasks": _m("Wat wilt u doen?", "Que voulez-vous faire ?", "What would you like to do?"),
    "task_find": _m("Materiaal vinden", "Trouver du matériel", "Find material"),
    "task_find_text": _m(
        "Zoek in {n} bronnen: brochures, draaiboeken, onderzoek en voorbeelden uit scholen.",
        "Cherchez parmi {n} ressources : brochures, guides, recherches et exemples d'écoles.",
        "Search {n} resources: brochures, guides, research and examples from schools.",
    ),
    "task_quickscan": _m("Een quickscan invullen", "Remplir un quickscan", "Take a quickscan"),
    "task_quickscan_text": _m(
        "Kijk samen waar uw school staat: vul een vragenlijst in op een telefoon of computer en zie meteen "
        "uw scores. Uw antwoorden blijven op uw toestel.",
        "Voyez ensemble où en est votre école : remplissez un questionnaire sur un téléphone ou un "
        "ordinateur et voyez tout de suite vos scores. Vos réponses restent sur votre appareil.",
        "See together where your school stands: fill in a questionnaire on a phone or a computer and see "
        "your scores at once. Your answers stay on your device.",
    ),
    "task_research": _m("Zien wat onderzoek zegt", "Voir ce que dit la recherche", "See what research says"),
    "task_research_text": _m(
        "{n} bevindingen uit onderzoek, met hoe sterk het bewijs is.",
        "{n} constats de recherche, avec la force des preuves.",
        "{n} research findings, with how strong the evidence is.",
    ),
    "task_frameworks": _m(
        "De referentiekaders verkennen", "Explorer les cadres de référence", "Explore the frameworks"
    ),
    "task_frameworks_text": _m(
        "{n} manieren om naar ouderbetrokkenheid te kijken, en hoe ze op elkaar aansluiten.",
        "{n} façons de regarder l'implication parentale, et comment elles se correspondent.",
        "{n} ways of looking at parental involvement, and how they line up.",
    ),
    "home_for_you": _m(
        "Snel naar wat voor u past", "Directement à ce qui vous concerne", "Straight to what suits you"
    ),
    "for_teacher": _m("Voor een leerkracht", "Pour un enseignant", "For a teacher"),
    "for_teacher_text": _m(
        "Materiaal voor gesprekken met ouders en voor in de klas.",
        "Du matériel pour les échanges avec les parents et pour la classe.",
        "Material for talking with parents and for the classroom.",
    ),
    "for_council": _m("Voor een ouderraad", "Pour un conseil de parents", "For a parent council"),
    "for_council_text": _m(
        "Materiaal voor een ouderraad, en een quickscan om samen in te vullen.",
        "Du matériel pour un conseil de parents, et un quickscan à remplir ensemble.",
        "Material for a parent council, and a quickscan to fill in together.",
    ),
    "for_parent": _m("Voor een ouder", "Pour un parent", "For a parent"),
    "for_parent_text": _m(
        "Materiaal voor ouders: hoe u de school en uw kind kunt steunen.",
        "Du matériel pour les parents : comment soutenir l'école et votre enfant.",
        "Material for parents: how to support the school and your child.",
    ),
    "material_for_you": _m("Materiaal voor u", "Matériel pour vous", "Material for you"),
    "n_concepts": _m("{n} begrippen", "{n} concepts", "{n} concepts"),
    "no_resources_yet": _m(
        "Nog geen bronnen bij dit begrip.",
        "Pas encore de ressources pour ce concept.",
        "No resources for this concept yet.",
    ),
    "see_also_frameworks": _m("In andere kaders:", "Dans d'autres cadres :", "In other frameworks:"),
    # record types (facet "kind" for records that are not resources)
    "type_framework": _m("referentiekader", "cadre de référence", "reference framework"),
    "type_finding": _m("bevinding uit onderzoek", "constat de recherche", "research finding"),
    "type_assessment": _m("instrument", "instrument", "instrument"),
    # catalog
    "catalog_intro": _m(
        "Zoek op een woord of het begin van een woord (thuis vindt ook thuisbetrokkenheid) en verfijn met "
        "de filters. Hoofdletters en accenten maken niet uit.",
        "Cherchez un mot ou le début d'un mot et affinez avec les filtres. Majuscules et accents ne "
        "comptent pas.",
        "Search for a word or the start of a word (home also finds homework) and narrow down with the "
        "filters. Capitals and accents do not matter.",
    ),
    "filters": _m("Filters", "Filtres", "Filters"),
    "clear_filters": _m("Alles wissen", "Tout effacer", "Clear all"),
    "facet_theme": _m("Thema", "Thème", "Theme"),
    "facet_audience": _m("Doelgroep", "Public", "Audience"),
    "facet_level": _m("Onderwijsniveau", "Niveau d'enseignement", "Education level"),
    "facet_kind": _m("Soort", "Type", "Kind"),
    "facet_language": _m("Taal van de bron", "Langue de la ressource", "Language of the resource"),
    "facet_access": _m("Toegang", "Accès", "Access"),
    "free": _m("gratis", "gratuit", "free"),
    "results": _m("Resultaten", "Résultats", "Results"),
    "results_all": _m(
        "{n} items in de catalogus", "{n} éléments dans le catalogue", "{n} items in the catalogue"
    ),
    "results_n": _m("{n} resultaten", "{n} résultats", "{n} results"),
    "results_one": _m("1 resultaat", "1 résultat", "1 result"),
    "results_none": _m(
        "Geen resultaten. Probeer een ander woord of minder filters.",
        "Aucun résultat. Essayez un autre mot ou moins de filtres.",
        "No results. Try another word or fewer filters.",
    ),
    "results_unmatched": _m(
        "Geen enkel item bevat: {words}", "Aucun élément ne contient : {words}", "No item has: {words}"
    ),
    "show_more": _m("Meer tonen", "Afficher plus", "Show more"),
    "js_needed": _m(
        "Zoeken en filteren vraagt JavaScript. Hieronder de eerste items; alle staan op de volledige lijst.",
        "La recherche et les filtres nécessitent JavaScript. Voici les premiers éléments ; tous figurent "
        "sur la liste complète.",
        "Searching and filtering need JavaScript. The first items follow; all of them are on the full list.",
    ),
    "full_list": _m(
        "Volledige lijst van de {n} items",
        "Liste complète des {n} éléments",
        "Full list of the {n} items",
    ),
    "full_list_title": _m(
        "Alle items van de catalogus", "Tous les éléments du catalogue", "Every item in the catalogue"
    ),
    "full_list_intro": _m(
        "De {n} items van de catalogus: eerst de bronnen, dan de kaders, instrumenten en bevindingen, elk "
        "alfabetisch.",
        "Les {n} éléments du catalogue : d'abord les ressources, puis les cadres, les instruments et les "
        "constats, chacun par ordre alphabétique.",
        "The catalogue's {n} items: resources first, then frameworks, instruments and findings, each in "
        "alphabetical order.",
    ),
    # resource fields
    "kind": _m("Soort", "Type", "Kind"),
    "subtitle": _m("Ondertitel", "Sous-titre", "Subtitle"),
    "summary": _m("Beschrijving", "Description", "Description"),
    "authors": _m("Auteurs", "Auteurs", "Authors"),
    "publisher": _m("Uitgever", "Éditeur", "Publisher"),
    "year": _m("Jaar", "Année", "Year"),
    "edition": _m("Editie", "Édition", "Edition"),
    "isbn": _m("ISBN", "ISBN", "ISBN"),
    "languages": _m("Beschikbaar in", "Disponible en", "Available in"),
    "audiences": _m("Voor wie", "Pour qui", "For whom"),
    "levels": _m("Onderwijsniveau", "Niveau d'enseignement", "Education level"),
    "themes": _m("Thema's", "Thèmes", "Themes"),
    "free_field": _m("Gratis", "Gratuit", "Free"),
    "yes": _m("ja", "oui", "yes"),
    "no": _m("nee", "non", "no"),
    "licence": _m("Licentie", "Licence", "Licence"),
    "part_of": _m("Deel van", "Fait partie de", "Part of"),
    "links": _m("Waar te vinden", "Où le trouver", "Where to find it"),
    "no_links": _m(
        "De bron geeft geen adres voor deze bron.",
        "La source ne donne pas d'adresse pour cette ressource.",
        "The source gives no address for this resource.",
    ),
    "via": _m("via {provider}", "via {provider}", "via {provider}"),
    "concepts": _m(
        "Begrippen uit referentiekaders", "Concepts des cadres de référence", "Framework concepts"
    ),
    "known_gaps": _m("Wat niet bekend is", "Ce qui n'est pas connu", "What is not known"),
    "related": _m("Verwante bronnen", "Ressources liées", "Related resources"),
    "all_languages": _m("In alle talen", "Dans toutes les langues", "In every language"),
    "pack": _m("Pakket", "Paquet", "Pack"),
    "table_of": _m("Tabel: {name}", "Tableau : {name}", "Table: {name}"),
    "not_loaded": _m(
        "(een record uit een pakket dat hier niet geladen is)",
        "(un élément d'un paquet qui n'est pas chargé ici)",
        "(a record of a pack that is not loaded here)",
    ),
    "source_unknown": _m(
        "(bron niet beschreven in het pakket)",
        "(source non décrite dans le paquet)",
        "(source not described in the pack)",
    ),
    # provenance
    "provenance": _m("Herkomst", "Provenance", "Provenance"),
    "source": _m("Bron", "Source", "Source"),
    "retrieved": _m("Geraadpleegd", "Consulté le", "Retrieved"),
    "locator": _m("Vindplaats in de bron", "Emplacement dans la source", "Location in the source"),
    "status": _m("Verificatie", "Vérification", "Verification"),
    "source_language": _m("Brontaal", "Langue source", "Source language"),
    "translations": _m("Vertalingen", "Traductions", "Translations"),
    "translated_by": _m("{method}, door {by}", "{method}, par {by}", "{method}, by {by}"),
    "note": _m("Opmerking", "Remarque", "Note"),
    # frameworks
    "content_status": _m("Volledigheid", "Complétude", "Completeness"),
    "concept_list": _m("Begrippen", "Concepts", "Concepts"),
    "collections": _m("Indelingen", "Regroupements", "Collections"),
    "ordered": _m("in volgorde", "dans l'ordre", "in order"),
    "unordered": _m("zonder rangorde", "sans ordre", "no ranking"),
    "expected_members": _m(
        "Volgens de bron zijn er {n}; niet alle namen zijn bekend.",
        "Selon la source, il y en a {n} ; tous les noms ne sont pas connus.",
        "According to the source there are {n}; not all names are known.",
    ),
    "alt_labels": _m("Ook", "Aussi", "Also"),
    "aligned": _m(
        "Bronnen bij dit kader", "Ressources liées à ce cadre", "Resources aligned with this framework"
    ),
    "aligned_none": _m(
        "Nog geen bronnen verwijzen naar begrippen van dit kader.",
        "Aucune ressource ne renvoie encore aux concepts de ce cadre.",
        "No resource refers to this framework's concepts yet.",
    ),
    "crosswalks": _m(
        "Overeenkomsten met andere kaders", "Correspondances avec d'autres cadres", "Crosswalks"
    ),
    "crosswalks_none": _m(
        "Er zijn geen overeenkomsten met andere kaders vastgelegd.",
        "Aucune correspondance avec d'autres cadres n'est enregistrée.",
        "No crosswalks to other frameworks are recorded.",
    ),
    "mapping_subject": _m("Begrip", "Concept", "Concept"),
    "relation": _m("Verhouding", "Relation", "Relation"),
    "mapping_object": _m("Ten opzichte van", "Par rapport à", "Compared with"),
    "confidence": _m("Zekerheid", "Confiance", "Confidence"),
    "justification": _m("Verantwoording", "Justification", "Justification"),
    "mapped_by": _m("Door", "Par", "By"),
    "described_in": _m("Beschreven in", "Décrit dans", "Described in"),
    # evidence
    "evidence_intro": _m(
        "Bevindingen uit onderzoek, met hun bronnen. Waar een effectgrootte gerapporteerd is, staat ze op "
        "de schaal van haar maat, per editie van de bron die ze geeft.",
        "Constats de recherche, avec leurs sources. Lorsqu'une taille d'effet est rapportée, elle figure "
        "sur l'échelle de sa mesure, pour chaque édition de la source qui la donne.",
        "Research findings with their sources. Where an effect size is reported it is drawn on the scale "
        "of its metric, one per edition of the source that gives it.",
    ),
    "with_effects": _m("Met een gerapporteerd effect", "Avec un effet rapporté", "With a reported effect"),
    "without_effects": _m("Zonder effectgrootte", "Sans taille d'effet", "Without an effect size"),
    "effects": _m("Effecten", "Effets", "Effects"),
    "sources": _m("Onderbouwing", "Sources", "Sources"),
    "caveats": _m("Kanttekeningen", "Mises en garde", "Caveats"),
    "reported_in": _m("gerapporteerd in {edition}", "rapporté dans {edition}", "reported in {edition}"),
    "evidence_rating": _m("Bewijskracht", "Solidité des preuves", "Strength of evidence"),
    "cost_rating": _m("Kosten", "Coût", "Cost"),
    "rating_of": _m("{value} van {max}", "{value} sur {max}", "{value} of {max}"),
    "chart_title": _m(
        "{metric} op de schaal {scale}", "{metric} sur l'échelle {scale}", "{metric} on the scale {scale}"
    ),
    "scale_hattie": _m(
        "van Hatties barometer (−0,2 tot 1,2)",
        "du baromètre de Hattie (−0,2 à 1,2)",
        "of Hattie's barometer (−0.2 to 1.2)",
    ),
    "scale_months": _m(
        "van maanden extra leervooruitgang (−12 tot 12)",
        "des mois de progrès (−12 à 12)",
        "of months of progress (−12 to 12)",
    ),
    "scale_correlation": _m("van −1 tot 1", "de −1 à 1", "from −1 to 1"),
    "zone_reverse": _m("Tegengestelde effecten", "Effets inverses", "Reverse effects"),
    "zone_developmental": _m("Beginnende effecten", "Effets de développement", "Developmental effects"),
    "zone_teacher": _m("Kenmerkende leraareffecten", "Effets enseignants typiques", "Teacher effects"),
    "zone_desired": _m("Zone van gewenste effecten", "Zone des effets souhaités", "Zone of desired effects"),
    "hinge": _m("scharnierpunt {value}", "point charnière {value}", "hinge point {value}"),
    "hinge_note": _m(
        "Het scharnierpunt 0,40 en de zones komen uit Hatties barometer; dat punt wordt als willekeurig "
        "bekritiseerd.",
        "Le point charnière 0,40 et les zones viennent du baromètre de Hattie ; ce point est critiqué comme "
        "arbitraire.",
        "The 0.40 hinge point and the zones come from Hattie's barometer; the hinge point is criticised as "
        "arbitrary.",
    ),
    "no_effect_line": _m("geen effect ({value})", "aucun effet ({value})", "no effect ({value})"),
    "effect_in_zone": _m("{value}: {zone}", "{value} : {zone}", "{value}: {zone}"),
    "beyond_scale": _m("buiten de schaal", "hors échelle", "beyond the scale"),
    "months_value": _m("{value} maanden", "{value} mois", "{value} months"),
    # instruments
    "instruments_intro": _m(
        "Zelfevaluatie-instrumenten en quickscans. Van instrumenten met gekende vragen zijn er "
        "afdrukbare formulieren per groep en taal.",
        "Instruments d'auto-évaluation et quickscans. Les instruments dont les questions sont connues ont "
        "des formulaires imprimables par groupe et par langue.",
        "Self-assessment instruments and quickscans. Instruments whose questions are known have printable "
        "forms per group and language.",
    ),
    "version": _m("Versie", "Version", "Version"),
    "target": _m("Wat wordt bekeken", "Ce qui est évalué", "What is assessed"),
    "framework": _m("Kader", "Cadre", "Framework"),
    "groups": _m("Wie vult in", "Qui répond", "Respondents"),
    "forms": _m("Afdrukbare formulieren", "Formulaires imprimables", "Printable forms"),
    "form_link": _m(
        "formulier voor {group} ({language})",
        "formulaire pour {group} ({language})",
        "form for {group} ({language})",
    ),
    "details": _m("Alle vragen en schalen", "Toutes les questions et échelles", "All questions and scales"),
    "dimensions": _m("Dimensies", "Dimensions", "Dimensions"),
    "questions": _m("Vragen", "Questions", "Questions"),
    "number": _m("Nr.", "N°", "No."),
    "dimension": _m("Dimensie", "Dimension", "Dimension"),
    "scale": _m("Schaal", "Échelle", "Scale"),
    "scale_n": _m("Schaal {n}", "Échelle {n}", "Scale {n}"),
    "one_scale": _m(
        "Antwoordschaal voor alle vragen: {scale}",
        "Échelle de réponse pour toutes les questions : {scale}",
        "Answer scale for every question: {scale}",
    ),
    "scales": _m("Antwoordschalen", "Échelles de réponse", "Answer scales"),
    "bands": _m("Betekenis van de scores", "Interprétation des scores", "What the scores mean"),
    "band": _m("Niveau", "Niveau", "Band"),
    "range": _m("Van – tot", "De – à", "From – to"),
    "meaning": _m("Betekenis", "Signification", "Meaning"),
    "needs_work": _m("werkpunt", "à améliorer", "needs work"),
    "reverse": _m("omgekeerd gescoord", "score inversé", "reverse-scored"),
    "optional": _m("niet verplicht", "facultatif", "optional"),
    "not_scored": _m("telt niet mee", "non compté", "not scored"),
    "answer": _m("Antwoord", "Réponse", "Answer"),
    "score": _m("Score", "Score", "Score"),
    "min_group_size": _m(
        "Groepen met minder dan {n} deelnemers worden niet gerapporteerd.",
        "Les groupes de moins de {n} répondants ne sont pas présentés.",
        "Groups with fewer than {n} respondents are not reported.",
    ),
    # the quickscan in the browser
    "quickscan": _m("Quickscan", "Quickscan", "Quickscan"),
    "quickscans": _m("Quickscans om in te vullen", "Quickscans à remplir", "Quickscans to fill in"),
    "quickscans_intro": _m(
        "Vul een quickscan in op een telefoon of computer, alleen of samen in een vergadering. Uw "
        "antwoorden blijven in uw browser.",
        "Remplissez un quickscan sur un téléphone ou un ordinateur, seul ou ensemble en réunion. Vos "
        "réponses restent dans votre navigateur.",
        "Fill in a quickscan on a phone or a computer, alone or together in a meeting. Your answers stay "
        "in your browser.",
    ),
    "qs_fill_in": _m("Invullen in de browser", "Remplir dans le navigateur", "Fill in in the browser"),
    "qs_who": _m(
        "Wie vult dit in: {group}", "Qui remplit ce questionnaire : {group}", "Who fills this in: {group}"
    ),
    "qs_other_groups": _m("Dezelfde quickscan voor:", "Le même quickscan pour :", "The same quickscan for:"),
    "qs_intro": _m(
        "Vul dit alleen in, of samen als team in een vergadering: één persoon klikt het antwoord aan "
        "waarover de groep het eens is. Elk antwoord wordt meteen in deze browser bewaard: herladen of "
        "het tabblad sluiten kost niets. Uw antwoorden verlaten dit toestel niet, tenzij u ze zelf "
        "downloadt.",
        "Remplissez-le seul, ou ensemble en équipe lors d'une réunion : une personne coche la réponse sur "
        "laquelle le groupe est d'accord. Chaque réponse est gardée tout de suite dans ce navigateur : "
        "recharger ou fermer l'onglet ne fait rien perdre. Vos réponses ne quittent pas cet appareil, "
        "sauf si vous les téléchargez vous-même.",
        "Fill this in alone, or together as a team in a meeting: one person ticks the answer the group "
        "agrees on. Every answer is kept in this browser as you give it: a reload or a closed tab loses "
        "nothing. Your answers do not leave this device unless you download them yourself.",
    ),
    "qs_noscript": _m(
        "Dit formulier heeft JavaScript nodig om uw antwoorden te bewaren. Gebruik anders het "
        "afdrukbare formulier.",
        "Ce formulaire a besoin de JavaScript pour garder vos réponses. Sinon, utilisez le formulaire "
        "imprimable.",
        "This form needs JavaScript to keep your answers. Otherwise, use the printable form.",
    ),
    "qs_progress": _m(
        "{done} van {total} vragen beantwoord",
        "{done} questions sur {total} répondues",
        "{done} of {total} questions answered",
    ),
    "qs_saved": _m("Bewaard op dit toestel.", "Gardé sur cet appareil.", "Saved on this device."),
    "qs_not_saved": _m(
        "Deze browser kan niets bewaren (privévenster?): download uw antwoorden voor u de pagina sluit.",
        "Ce navigateur ne peut rien garder (fenêtre privée ?) : téléchargez vos réponses avant de fermer "
        "la page.",
        "This browser cannot keep anything (a private window?): download your answers before you close "
        "the page.",
    ),
    "qs_finish": _m("Klaar: toon mijn scores", "Terminé : voir mes scores", "Done: show my scores"),
    "qs_missing": _m(
        "Nog {n} verplichte vragen zonder antwoord:",
        "Encore {n} questions obligatoires sans réponse :",
        "{n} required questions still have no answer:",
    ),
    "qs_question_n": _m("vraag {n}", "question {n}", "question {n}"),
    "qs_your_answers": _m("Uw antwoorden", "Vos réponses", "Your answers"),
    "qs_download_json": _m(
        "Antwoorden downloaden (JSON)", "Télécharger les réponses (JSON)", "Download the answers (JSON)"
    ),
    "qs_download_csv": _m(
        "Antwoorden downloaden (CSV, voor een rekenblad)",
        "Télécharger les réponses (CSV, pour un tableur)",
        "Download the answers (CSV, for a spreadsheet)",
    ),
    "qs_download_note": _m(
        "Een coördinator kan de bestanden van iedereen samen verwerken tot een rapport. De bestanden "
        "bevatten alleen deze antwoorden; er wordt niets verstuurd.",
        "Un coordinateur peut traiter ensemble les fichiers de chacun pour en faire un rapport. Les "
        "fichiers ne contiennent que ces réponses ; rien n'est envoyé.",
        "A coordinator can put everyone's files together into a report. The files hold these answers "
        "only; nothing is sent anywhere.",
    ),
    "qs_print": _m("Afdrukken", "Imprimer", "Print"),
    "qs_print_title": _m("Antwoorden", "Réponses", "Answers"),
    "qs_clear": _m("Opnieuw beginnen", "Recommencer", "Start again"),
    "qs_clear_confirm": _m(
        "Alle antwoorden op dit toestel wissen en opnieuw beginnen?",
        "Effacer toutes les réponses sur cet appareil et recommencer ?",
        "Clear every answer on this device and start again?",
    ),
    "qs_results": _m("Uw scores", "Vos scores", "Your scores"),
    "qs_results_intro": _m(
        "Per dimensie een score van 0 (het laagste antwoord op elke vraag) tot 100 (het hoogste), met het "
        "niveau en materiaal dat kan helpen.",
        "Par dimension, un score de 0 (la réponse la plus basse à chaque question) à 100 (la plus haute), "
        "avec le niveau et du matériel qui peut aider.",
        "Per dimension a score from 0 (the lowest answer to every question) to 100 (the highest), with the "
        "band and material that can help.",
    ),
    "qs_recommended": _m("Materiaal dat kan helpen", "Du matériel qui peut aider", "Material that can help"),
    "qs_no_answers": _m("geen antwoorden", "pas de réponses", "no answers"),
    "qs_no_scoring": _m(
        "Scores berekenen in de browser zit nog niet in deze versie van de site. Uw antwoorden zijn "
        "bewaard: download ze en geef ze aan uw coördinator, of bereken de scores met het commando "
        "ouderbetrokkenheid score.",
        "Le calcul des scores dans le navigateur ne fait pas encore partie de cette version du site. Vos "
        "réponses sont gardées : téléchargez-les et donnez-les à votre coordinateur, ou calculez les "
        "scores avec la commande ouderbetrokkenheid score.",
        "Scoring in the browser is not part of this version of the site yet. Your answers are kept: "
        "download them and give them to your coordinator, or score them with the command "
        "ouderbetrokkenheid score.",
    ),
    "qs_score_error": _m(
        "De scores konden niet berekend worden; uw antwoorden zijn wel bewaard.",
        "Les scores n'ont pas pu être calculés ; vos réponses sont bien gardées.",
        "The scores could not be computed; your answers are kept.",
    ),
    "items_unknown": _m(
        "De vragen van dit instrument zijn niet bekend; er is dus geen formulier.",
        "Les questions de cet instrument ne sont pas connues ; il n'y a donc pas de formulaire.",
        "The questions of this instrument are not known, so there is no form.",
    ),
}

#: Language names, each in nl/fr/en (for the language facet and the "in every language" section).
LANGUAGE_NAMES: Mapping[str, LocalizedText] = {
    "nl": _m("Nederlands", "néerlandais", "Dutch"),
    "fr": _m("Frans", "français", "French"),
    "en": _m("Engels", "anglais", "English"),
    "de": _m("Duits", "allemand", "German"),
    "ar": _m("Arabisch", "arabe", "Arabic"),
    "ary": _m("Marokkaans Arabisch", "arabe marocain", "Moroccan Arabic"),
    "tr": _m("Turks", "turc", "Turkish"),
    "es": _m("Spaans", "espagnol", "Spanish"),
    "it": _m("Italiaans", "italien", "Italian"),
    "pt": _m("Portugees", "portugais", "Portuguese"),
    "pl": _m("Pools", "polonais", "Polish"),
    "ro": _m("Roemeens", "roumain", "Romanian"),
    "bg": _m("Bulgaars", "bulgare", "Bulgarian"),
    "ru": _m("Russisch", "russe", "Russian"),
    "uk": _m("Oekraïens", "ukrainien", "Ukrainian"),
    "sq": _m("Albanees", "albanais", "Albanian"),
    "so": _m("Somali", "somali", "Somali"),
    "ti": _m("Tigrinya", "tigrigna", "Tigrinya"),
    "fa": _m("Perzisch", "persan", "Persian"),
    "ps": _m("Pasjtoe", "pachto", "Pashto"),
    "zgh": _m("Tamazight", "tamazight", "Tamazight"),
    "ber": _m("Berbers", "berbère", "Berber"),
}

#: Each site language's name in itself, for the language switch.
AUTONYMS: Mapping[str, str] = {
    "nl": "Nederlands",
    "fr": "Français",
    "en": "English",
    "de": "Deutsch",
    "ar": "العربية",
    "tr": "Türkçe",
    "es": "Español",
    "pl": "Polski",
    "ro": "Română",
}


@functools.cache
def ui_language(lang: str) -> str:
    """The language the site's words are shown in for a page in *lang*."""
    for tag in fallback_chain(lang, fallback=()):
        if tag in UI_LANGUAGES:
            return tag
    return UI_LANGUAGES[0]


@functools.cache
def ui(key: str, lang: str) -> Text:
    """The message *key* for a page in *lang*, with the language it is really written in."""
    tag = ui_language(lang)
    return Text(text=MESSAGES[key][tag], lang=tag)


@functools.cache
def language_name(code: str, lang: str) -> Text:
    """The name of the language *code* in the words of a page in *lang* (the code itself if unknown)."""
    names = LANGUAGE_NAMES.get(code) or LANGUAGE_NAMES.get(code.split("-", 1)[0])
    if names is None:
        return Text(text=code, lang="")
    tag = ui_language(lang)
    return Text(text=names[tag], lang=tag)


# The results page's words live in their own module (one concept per module); the catalogue holds them too.
from ouderbetrokkenheid.exporters.site.results_words import RESULTS_MESSAGES  # noqa: E402

MESSAGES = {**MESSAGES, **RESULTS_MESSAGES}
