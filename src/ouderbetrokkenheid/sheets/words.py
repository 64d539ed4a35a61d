"""Every word the spreadsheets show or say (sheet names, column headers, help notes, problem messages),
in Dutch, French and English, looked up through one function: :func:`word`.

They live here, in one place, so that they can move into gettext catalogues later without a search
through the code. A field that has no words here (a field added to the model later) is shown by its
own name, so a new field never breaks a workbook: it only looks less friendly.
"""

from collections.abc import Mapping

#: The languages of the interface, Dutch first.
LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")

# key -> (nl, fr, en)
_WORDS: dict[str, tuple[str, str, str]] = {
    # -- sheet names (at most 31 characters, none of : \ / ? * [ ]) ---------------------------
    "sheet:pack": ("Pakket", "Paquet", "Pack"),
    "sheet:pack/sources": ("Brondocumenten", "Documents sources", "Source documents"),
    "sheet:pack/thesaurus": ("Thesaurus", "Thésaurus", "Thesaurus"),
    "sheet:pack/thesaurus/alt_labels": (
        "Thesaurus andere woorden",
        "Thésaurus autres mots",
        "Thesaurus other words",
    ),
    "sheet:pack/thesaurus/hidden_labels": (
        "Thesaurus verborgen woorden",
        "Thésaurus mots cachés",
        "Thesaurus hidden words",
    ),
    "sheet:pack/thesaurus/provenance/translations": (
        "Thesaurus vertalingen",
        "Thésaurus traductions",
        "Thesaurus translations",
    ),
    "sheet:frameworks/concepts/hidden_labels": ("Verborgen namen", "Noms cachés", "Hidden names"),
    "sheet:resources": ("Bronnen", "Ressources", "Resources"),
    "sheet:findings": ("Bevindingen", "Constats", "Findings"),
    "sheet:frameworks": ("Kaders", "Cadres", "Frameworks"),
    "sheet:frameworks/concepts": ("Begrippen", "Concepts", "Concepts"),
    "sheet:frameworks/concepts/alt_labels": ("Andere namen", "Autres noms", "Other names"),
    "sheet:frameworks/collections": ("Groepen van begrippen", "Groupes de concepts", "Concept groups"),
    "sheet:mappings": ("Koppelingen", "Correspondances", "Mappings"),
    "sheet:assessments": ("Quickscans", "Questionnaires", "Assessments"),
    "sheet:assessments/groups": ("Doelgroepen", "Groupes de répondants", "Respondent groups"),
    "sheet:assessments/scales": ("Schalen", "Échelles", "Scales"),
    "sheet:assessments/scales/options": ("Antwoorden", "Réponses", "Answer options"),
    "sheet:assessments/dimensions": ("Dimensies", "Dimensions", "Dimensions"),
    "sheet:assessments/sections": ("Delen", "Parties", "Sections"),
    "sheet:assessments/sections/items": ("Vragen", "Questions", "Items"),
    "sheet:assessments/sections/items/text": ("Vraagteksten", "Textes des questions", "Item texts"),
    "sheet:assessments/bands": ("Scoreniveaus", "Niveaux de score", "Score bands"),
    "sheet:*/authors": ("Auteurs", "Auteurs", "Authors"),
    "sheet:*/publisher": ("Uitgevers", "Éditeurs", "Publishers"),
    "sheet:*/links": ("Links", "Liens", "Links"),
    "sheet:*/effects": ("Effecten", "Effets", "Effects"),
    "sheet:*/caveats": ("Kanttekeningen", "Réserves", "Caveats"),
    "sheet:*/provenance/translations": ("Vertalingen", "Traductions", "Translations"),
    "sheet:lists": ("Keuzelijsten", "Listes", "Lists"),
    "sheet:help": ("Uitleg", "Mode d'emploi", "How to"),
    # -- column headers: field names ----------------------------------------------------------
    "field:id": ("id", "id", "id"),
    "field:name": ("naam", "nom", "name"),
    "field:version": ("versie", "version", "version"),
    "field:title": ("titel", "titre", "title"),
    "field:subtitle": ("ondertitel", "sous-titre", "subtitle"),
    "field:summary": ("samenvatting", "résumé", "summary"),
    "field:kind": ("soort", "type", "kind"),
    "field:publisher": ("uitgever", "éditeur", "publisher"),
    "field:licence": ("licentie", "licence", "licence"),
    "field:languages": ("talen", "langues", "languages"),
    "field:homepage": ("website", "site web", "homepage"),
    "field:depends": ("gebruikt pakketten", "utilise les paquets", "depends on packs"),
    "field:url": ("webadres", "adresse web", "URL"),
    "field:year": ("jaar", "année", "year"),
    "field:edition": ("editie", "édition", "edition"),
    "field:retrieved": ("gelezen op", "lu le", "retrieved"),
    "field:document": ("document", "document", "document"),
    "field:isbn": ("ISBN", "ISBN", "ISBN"),
    "field:audiences": ("doelgroepen", "publics", "audiences"),
    "field:levels": ("onderwijsniveaus", "niveaux d'enseignement", "education levels"),
    "field:themes": ("thema's", "thèmes", "themes"),
    "field:concepts": ("begrippen", "concepts", "concepts"),
    "field:free": ("gratis", "gratuit", "free"),
    "field:part_of": ("deel van", "fait partie de", "part of"),
    "field:related": ("verwant met", "liée à", "related"),
    "field:known_gaps": ("wat de bron niet zegt", "ce que la source ne dit pas", "known gaps"),
    "field:access": ("toegang", "accès", "access"),
    "field:provider": ("aanbieder", "fournisseur", "provider"),
    "field:label": ("naam", "libellé", "label"),
    "field:claim": ("bevinding", "constat", "claim"),
    "field:sources": ("onderbouwd door", "appuyé par", "sources"),
    "field:metric": ("maat", "mesure", "metric"),
    "field:value": ("waarde", "valeur", "value"),
    "field:source": ("bron", "source", "source"),
    "field:evidence": ("bewijskracht", "niveau de preuve", "evidence"),
    "field:cost": ("kost", "coût", "cost"),
    "field:max": ("maximum", "maximum", "maximum"),
    "field:min": ("minimum", "minimum", "minimum"),
    "field:note": ("opmerking", "remarque", "note"),
    "field:text": ("tekst", "texte", "text"),
    "field:authors": ("auteurs", "auteurs", "authors"),
    "field:content_status": ("inhoud", "contenu", "content status"),
    "field:described_in": ("beschreven in", "décrit dans", "described in"),
    "field:definition": ("omschrijving", "définition", "definition"),
    "field:notation": ("nummer", "numéro", "notation"),
    "field:broader": ("valt onder", "relève de", "broader"),
    "field:ordered": ("geordend", "ordonné", "ordered"),
    "field:members": ("begrippen", "concepts", "members"),
    "field:expected_members": ("aantal volgens de bron", "nombre selon la source", "expected members"),
    "field:subject": ("begrip", "concept", "subject"),
    "field:predicate": ("verband", "relation", "predicate"),
    "field:object": ("ander begrip", "autre concept", "object"),
    "field:justification": ("verantwoording", "justification", "justification"),
    "field:confidence": ("zekerheid (0-1)", "certitude (0-1)", "confidence (0-1)"),
    "field:author": ("auteur", "auteur", "author"),
    "field:date": ("datum", "date", "date"),
    "field:target": ("wat wordt bevraagd", "ce qui est évalué", "target"),
    "field:framework": ("kader", "cadre", "framework"),
    "field:min_group_size": ("minimum aantal per groep", "taille minimale d'un groupe", "minimum group size"),
    "field:role": ("rol", "rôle", "role"),
    "field:code": ("code", "code", "code"),
    "field:score": ("score", "score", "score"),
    "field:not_applicable": ("niet van toepassing", "sans objet", "not applicable"),
    "field:description": ("omschrijving", "description", "description"),
    "field:link_id": ("vraagcode", "code de la question", "link id"),
    "field:dimension": ("dimensie", "dimension", "dimension"),
    "field:scale": ("schaal", "échelle", "scale"),
    "field:reverse": ("omgekeerd", "inversée", "reverse"),
    "field:weight": ("gewicht", "poids", "weight"),
    "field:required": ("verplicht", "obligatoire", "required"),
    "field:interpretation": ("betekenis", "interprétation", "interpretation"),
    "field:needs_work": ("werkpunt", "à travailler", "needs work"),
    "field:provenance": ("herkomst", "provenance", "provenance"),
    "field:status": ("nagekeken", "vérification", "status"),
    "field:locator": ("waar in de bron", "où dans la source", "locator"),
    "field:language": ("taal", "langue", "language"),
    "field:method": ("hoe vertaald", "comment traduit", "method"),
    "field:by": ("door", "par", "by"),
    "field:group": ("doelgroep", "groupe", "group"),
    "field:alt_labels": ("andere naam", "autre nom", "other name"),
    "field:same_as": ("zelfde werk als", "même œuvre que", "same as"),
    "field:hidden_labels": ("verborgen naam", "nom caché", "hidden name"),
    "field:thesaurus": ("thesaurus", "thésaurus", "thesaurus"),
    "field:caveats": ("kanttekening", "réserve", "caveat"),
    # -- header patterns ----------------------------------------------------------------------
    "header:nested": ("{outer}: {inner}", "{outer} : {inner}", "{outer}: {inner}"),
    "header:parent": ("{sheet}: {field}", "{sheet} : {field}", "{sheet}: {field}"),
    "header:record": ("id van het record", "id de la fiche", "record id"),
    "header:field": ("veld", "champ", "field"),
    "header:value": ("waarde", "valeur", "value"),
    "yes": ("ja", "oui", "yes"),
    "no": ("nee", "non", "no"),
    # -- help notes ---------------------------------------------------------------------------
    "help:text": (
        "Tekst in het {language}. Laat leeg als er geen is.",
        "Texte en {language}. Laissez vide s'il n'y en a pas.",
        "Text in {language}. Leave empty when there is none.",
    ),
    "help:list": (
        "Kies uit de lijst. Meer dan één? Scheid ze met een puntkomma (;).",
        "Choisissez dans la liste. Plusieurs ? Séparez-les par un point-virgule (;).",
        "Pick from the list. More than one? Separate them with a semicolon (;).",
    ),
    "help:choice": ("Kies uit de lijst.", "Choisissez dans la liste.", "Pick from the list."),
    "help:many": (
        "Meer dan één? Scheid ze met een puntkomma (;).",
        "Plusieurs ? Séparez-les par un point-virgule (;).",
        "More than one? Separate them with a semicolon (;).",
    ),
    "help:id": (
        "Naam van het pakket, een schuine streep, dan een korte code in kleine letters: {example}",
        "Nom du paquet, une barre oblique, puis un code court en minuscules : {example}",
        "The pack's name, a slash, then a short lower-case code: {example}",
    ),
    "help:parent": (
        "Het id uit het blad '{sheet}' waar deze rij bij hoort.",
        "L'id de la feuille « {sheet} » à laquelle cette ligne appartient.",
        "The id on the sheet '{sheet}' this row belongs to.",
    ),
    "help:record": (
        "Het id van de bron, bevinding, het kader, de koppeling of quickscan waar deze rij bij hoort.",
        "L'id de la ressource, du constat, du cadre, de la correspondance ou du questionnaire de cette ligne.",
        "The id of the resource, finding, framework, mapping or assessment this row belongs to.",
    ),
    "help:year": ("Een jaartal: 2021.", "Une année : 2021.", "A year: 2021."),
    "help:date": ("Een datum: 2024-03-01.", "Une date : 2024-03-01.", "A date: 2024-03-01."),
    "help:number": ("Een getal.", "Un nombre.", "A number."),
    "help:free": ("Vrij in te vullen.", "Texte libre.", "Free text."),
    "help:ref": (
        "Het id van een record of begrip, uit dit pakket of een ander: ocb/boekje-bij-de-thee, ref/epstein#parenting.",
        "L'id d'une fiche ou d'un concept, de ce paquet ou d'un autre : ocb/boekje-bij-de-thee, ref/epstein#parenting.",
        "The id of a record or concept, of this pack or another: ocb/boekje-bij-de-thee, ref/epstein#parenting.",
    ),
    "help:url": (
        "Een volledig webadres (https://...) of mailto:. Nooit raden: laat leeg als de bron er geen geeft.",
        "Une adresse web complète (https://...) ou mailto:. Ne jamais deviner : laissez vide si la source n'en donne pas.",
        "A full web address (https://...) or mailto:. Never guess: leave empty when the source gives none.",
    ),
    "help:licence": (
        "Een SPDX-code zoals CC-BY-4.0, of het webadres van de licentie.",
        "Un code SPDX comme CC-BY-4.0, ou l'adresse web de la licence.",
        "An SPDX code such as CC-BY-4.0, or the web address of the licence.",
    ),
    "help:bool": ("ja of nee", "oui ou non", "yes or no"),
    "help:source": (
        "Het id van een brondocument uit het blad '{sheet}'.",
        "L'id d'un document source de la feuille « {sheet} ».",
        "The id of a source document on the sheet '{sheet}'.",
    ),
    "help:languages": (
        "Taalcodes, gescheiden door een puntkomma: nl; fr; en. De eerste is de hoofdtaal.",
        "Codes de langue séparés par un point-virgule : nl; fr; en. La première est la langue principale.",
        "Language codes separated by semicolons: nl; fr; en. The first is the main language.",
    ),
    "help:pack": (
        "Vul in kolom B de gegevens van uw pakket in. De naam is kort, in kleine letters (mijn-organisatie): hij komt vooraan in elk id.",
        "Remplissez la colonne B avec les données de votre paquet. Le nom est court, en minuscules (mon-organisation) : il commence chaque id.",
        "Fill in column B with your pack's data. The name is short and lower-case (my-organisation): every id starts with it.",
    ),
    "help:lists": (
        "De keuzelijsten van de andere bladen. Niet wijzigen.",
        "Les listes de choix des autres feuilles. Ne pas modifier.",
        "The drop-down lists of the other sheets. Do not change.",
    ),
    "language:nl": ("Nederlands", "néerlandais", "Dutch"),
    "language:fr": ("Frans", "français", "French"),
    "language:en": ("Engels", "anglais", "English"),
    # -- problems -----------------------------------------------------------------------------
    "problem:not-a-workbook": (
        "{file} is geen werkboek (.xlsx, .ods) of map met CSV-bestanden.",
        "{file} n'est pas un classeur (.xlsx, .ods) ni un dossier de fichiers CSV.",
        "{file} is not a workbook (.xlsx, .ods) or a folder of CSV files.",
    ),
    "hint:not-a-workbook": (
        "Bewaar het bestand in uw rekenblad als Excel-werkmap (.xlsx) of OpenDocument (.ods).",
        "Enregistrez le fichier dans votre tableur en classeur Excel (.xlsx) ou OpenDocument (.ods).",
        "Save the file from your spreadsheet program as an Excel workbook (.xlsx) or OpenDocument (.ods).",
    ),
    "problem:too-large": (
        "{file} is te groot: {what} (de grens is {limit}).",
        "{file} est trop grand : {what} (la limite est {limit}).",
        "{file} is too large: {what} (the limit is {limit}).",
    ),
    "hint:too-large": (
        "Verdeel de gegevens over meer pakketten, of verwijder lege rijen en kolommen.",
        "Répartissez les données sur plusieurs paquets, ou supprimez les lignes et colonnes vides.",
        "Split the data over more packs, or delete empty rows and columns.",
    ),
    "problem:unsafe": (
        "{file} bevat iets wat een werkboek niet hoort te bevatten: {what}.",
        "{file} contient quelque chose qu'un classeur ne contient pas : {what}.",
        "{file} holds something a workbook does not: {what}.",
    ),
    "hint:unsafe": (
        "Open het in uw rekenblad en bewaar het opnieuw; gebruik geen bestand van een onbekende afzender.",
        "Ouvrez-le dans votre tableur et enregistrez-le à nouveau ; n'utilisez pas un fichier d'origine inconnue.",
        "Open it in your spreadsheet program and save it again; do not use a file of unknown origin.",
    ),
    "problem:no-pack-sheet": (
        "het werkboek heeft geen blad '{sheet}' met de gegevens van het pakket",
        "le classeur n'a pas de feuille « {sheet} » avec les données du paquet",
        "the workbook has no sheet '{sheet}' with the pack's data",
    ),
    "hint:no-pack-sheet": (
        "Begin van een nieuw sjabloon: ouderbetrokkenheid sheet template --out pakket.xlsx",
        "Partez d'un nouveau modèle : ouderbetrokkenheid sheet template --lang fr --out paquet.xlsx",
        "Start from a new template: ouderbetrokkenheid sheet template --lang en --out pack.xlsx",
    ),
    "problem:unknown-sheet": (
        "het blad '{sheet}' is geen blad van het sjabloon en wordt niet gelezen",
        "la feuille « {sheet} » n'est pas une feuille du modèle et n'est pas lue",
        "the sheet '{sheet}' is not a sheet of the template and is not read",
    ),
    "hint:unknown-sheet": (
        "Hernoem het naar een blad van het sjabloon, of laat het zo als het notities zijn.",
        "Renommez-la comme une feuille du modèle, ou laissez-la s'il s'agit de notes.",
        "Rename it to a sheet of the template, or leave it if it holds notes.",
    ),
    "problem:unknown-header": (
        "de kolom '{header}' is geen kolom van het blad '{sheet}' en wordt niet gelezen",
        "la colonne « {header} » n'est pas une colonne de la feuille « {sheet} » et n'est pas lue",
        "the column '{header}' is not a column of the sheet '{sheet}' and is not read",
    ),
    "hint:unknown-header": (
        "Gebruik de kolomkoppen van het sjabloon; kolommen met notities mogen blijven.",
        "Utilisez les en-têtes du modèle ; des colonnes de notes peuvent rester.",
        "Use the template's column headers; columns with notes may stay.",
    ),
    "problem:duplicate-header": (
        "de kolom '{header}' staat twee keer in het blad",
        "la colonne « {header} » figure deux fois dans la feuille",
        "the column '{header}' appears twice on the sheet",
    ),
    "hint:duplicate-header": (
        "Verwijder één van de twee.",
        "Supprimez l'une des deux.",
        "Delete one of the two.",
    ),
    "problem:formula-error": (
        "de formule in deze cel geeft een fout ({value})",
        "la formule de cette cellule donne une erreur ({value})",
        "the formula in this cell gives an error ({value})",
    ),
    "hint:formula-error": (
        "Verbeter de formule of typ de waarde zelf in.",
        "Corrigez la formule ou tapez la valeur vous-même.",
        "Fix the formula or type the value in yourself.",
    ),
    "problem:date-cell": (
        "deze cel is een datum geworden ({value}), maar hier hoort tekst",
        "cette cellule est devenue une date ({value}), mais un texte est attendu",
        "this cell became a date ({value}), but text belongs here",
    ),
    "hint:date-cell": (
        "Uw rekenblad maakte van wat u typte (zoals 1-2) een datum. Zet de cel op 'Tekst' en typ de waarde opnieuw.",
        "Votre tableur a transformé la saisie (comme 1-2) en date. Mettez la cellule au format « Texte » et retapez la valeur.",
        "Your spreadsheet program turned what you typed (such as 1-2) into a date. Format the cell as 'Text' and type the value again.",
    ),
    "problem:not-a-number": (
        "'{value}' is geen {what}",
        "« {value} » n'est pas {what}",
        "'{value}' is not {what}",
    ),
    "what:rows": ("meer dan {n} rijen", "plus de {n} lignes", "more than {n} rows"),
    "what:column": ("een waarde in kolom {n}", "une valeur dans la colonne {n}", "a value in column {n}"),
    "what:bytes": ("{n} bytes", "{n} octets", "{n} bytes"),
    "what:parts": ("{n} delen", "{n} parties", "{n} parts"),
    "what:sheets": ("{n} bladen", "{n} feuilles", "{n} sheets"),
    "what:unpacks": (
        "{name} wordt {n} bytes bij het uitpakken (een zip-bom?)",
        "{name} fait {n} octets une fois décompressé (une bombe zip ?)",
        "{name} unpacks to {n} bytes (a zip bomb?)",
    ),
    "what:entities": (
        "XML-entiteiten of een DTD ({name})",
        "des entités XML ou une DTD ({name})",
        "XML entities or a DTD ({name})",
    ),
    "what:integer": ("geheel getal", "un nombre entier", "a whole number"),
    "what:number": ("getal", "un nombre", "a number"),
    "what:date": ("datum (jjjj-mm-dd)", "une date (aaaa-mm-jj)", "a date (yyyy-mm-dd)"),
    "what:bool": ("ja of nee", "oui ou non", "yes or no"),
    "hint:not-a-number": (
        "Typ {what}, zonder andere tekens.",
        "Tapez {what}, sans autres caractères.",
        "Type {what}, with no other characters.",
    ),
    "problem:not-in-list": (
        "'{value}' staat niet in de lijst '{vocabulary}'",
        "« {value} » ne figure pas dans la liste « {vocabulary} »",
        "'{value}' is not in the list '{vocabulary}'",
    ),
    "hint:not-in-list": (
        "Kies een waarde uit de keuzelijst: {choices}.",
        "Choisissez une valeur de la liste : {choices}.",
        "Pick a value from the list: {choices}.",
    ),
    "problem:merged": (
        "samengevoegde cellen {range}: de waarde geldt voor elke cel",
        "cellules fusionnées {range} : la valeur vaut pour chaque cellule",
        "merged cells {range}: the value counts for every cell",
    ),
    "hint:merged": (
        "Controleer of dat de bedoeling is; anders heft u de samenvoeging op.",
        "Vérifiez que c'est voulu ; sinon annulez la fusion.",
        "Check that this is meant; otherwise unmerge the cells.",
    ),
    "problem:hidden-row": (
        "rij {row} is verborgen maar wordt toch gelezen",
        "la ligne {row} est masquée mais elle est lue quand même",
        "row {row} is hidden but it is read all the same",
    ),
    "hint:hidden-row": (
        "Verwijder de rij als ze niet in het pakket hoort.",
        "Supprimez la ligne si elle n'appartient pas au paquet.",
        "Delete the row if it does not belong in the pack.",
    ),
    "problem:no-parent": (
        "deze rij hoort bij '{key}', maar dat staat niet in het blad '{sheet}'",
        "cette ligne appartient à « {key} », qui ne figure pas dans la feuille « {sheet} »",
        "this row belongs to '{key}', which is not on the sheet '{sheet}'",
    ),
    "hint:no-parent": (
        "Controleer de schrijfwijze van het id, of voeg die rij toe aan het blad '{sheet}'.",
        "Vérifiez l'orthographe de l'id, ou ajoutez cette ligne à la feuille « {sheet} ».",
        "Check the spelling of the id, or add that row to the sheet '{sheet}'.",
    ),
    "problem:missing-key": (
        "de kolom '{header}' is leeg: zo is niet te zien waar deze rij bij hoort",
        "la colonne « {header} » est vide : on ne sait pas à quoi cette ligne appartient",
        "the column '{header}' is empty, so it is not known what this row belongs to",
    ),
    "hint:missing-key": (
        "Vul het id in van de rij waar deze bij hoort.",
        "Indiquez l'id de la ligne à laquelle elle appartient.",
        "Fill in the id of the row it belongs to.",
    ),
    "problem:required": (
        "'{header}' moet ingevuld zijn",
        "« {header} » doit être rempli",
        "'{header}' must be filled in",
    ),
    "problem:invalid": (
        "de waarde klopt niet: {detail}",
        "la valeur n'est pas correcte : {detail}",
        "the value is not right: {detail}",
    ),
    "problem:rule": ("{detail}", "{detail}", "{detail}"),
    "hint:schema": (
        "Kijk na wat in deze cel mag: de opmerking bij de kolomkop zegt het.",
        "Vérifiez ce que cette cellule accepte : le commentaire de l'en-tête l'explique.",
        "Check what this cell takes: the note on the column header says it.",
    ),
    "hint:required": (
        "Vul de cel in; de uitleg staat in de opmerking bij de kolomkop.",
        "Remplissez la cellule ; l'explication est dans le commentaire de l'en-tête.",
        "Fill in the cell; the note on the column header explains it.",
    ),
    "problem:destination-exists": (
        "de map {folder} bestaat al en is niet leeg",
        "le dossier {folder} existe déjà et n'est pas vide",
        "the folder {folder} already exists and is not empty",
    ),
    "hint:destination-exists": (
        "Kies een nieuwe map, of geef --force om ze te vervangen.",
        "Choisissez un nouveau dossier, ou ajoutez --force pour le remplacer.",
        "Choose a new folder, or give --force to replace it.",
    ),
    "problem:unreadable-csv": (
        "{file} is geen leesbaar CSV-bestand: {detail}",
        "{file} n'est pas un fichier CSV lisible : {detail}",
        "{file} is not a readable CSV file: {detail}",
    ),
    "hint:unreadable-csv": (
        "Bewaar het blad als 'CSV UTF-8' vanuit uw rekenblad.",
        "Enregistrez la feuille en « CSV UTF-8 » depuis votre tableur.",
        "Save the sheet as 'CSV UTF-8' from your spreadsheet program.",
    ),
}

_INDEX = {lang: index for index, lang in enumerate(LANGUAGES)}


def language_of(lang: str | None) -> str:
    """The interface language for *lang*: ``nl``, ``fr`` or ``en`` (Dutch when unknown)."""
    primary = (lang or "nl").split("-", 1)[0].lower()
    return primary if primary in _INDEX else "nl"


def has_word(key: str) -> bool:
    """Whether *key* has words (fields added to the model later may not)."""
    return key in _WORDS


def word(key: str, lang: str | None = None, /, **values: object) -> str:
    """The words for *key* in *lang* (``nl``, ``fr`` or ``en``), with ``{name}`` filled from *values*.

    >>> word("sheet:resources", "fr")
    'Ressources'
    >>> word("problem:required", "nl", header="titel [nl]")
    "'titel [nl]' moet ingevuld zijn"
    """
    text = _WORDS[key][_INDEX[language_of(lang)]]
    return text.format(**values) if values else text


def all_words(key: str) -> Mapping[str, str]:
    """The words for *key* in every language (to recognise a header or sheet name in any of them)."""
    return dict(zip(LANGUAGES, _WORDS[key], strict=True))
