"""The site's own words (banners, selectors, status names), in Swedish and English.

Content comes from `strategy/`; these are the interface strings around it. A language
without its own table falls back to English, then Swedish.
"""

from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "status.draft": "Utkast",
        "status.consultation": "Remissversion",
        "status.adopted": "Beslutad",
        "status.popular": "Populärversion",
        "status.superseded": "Ersatt",
        "version.label": "Version",
        "version.you_are_reading": "Du läser",
        "version.published": "publicerad {date}",
        "version.select": "Byt version",
        "version.select_hint": "Samma avsnitt i en annan version",
        "version.missing_section": "avsnittet finns inte i den versionen: till versionens början",
        "version.this": "denna version",
        "version.read_now": "Läs den här versionen",
        "version.current_badge": "Gällande",
        "notice.older": "Det här är en tidigare version. Den gällande versionen är {current}.",
        "notice.newer": "Det här är en version som ännu inte gäller. Den gällande versionen är "
        "{current}.",
        "notice.popular": "Det här är en populärversion: en kort sammanfattning av {base} "
        "skriven för alla.",
        "notice.go_same_section": "Läs samma avsnitt i {current}",
        "notice.go_version_start": "Gå till {current}",
        "notice.section_gone": "Avsnittet finns inte i {current}.",
        "consultation.upcoming": "Remisstiden börjar {opens} och slutar {closes}.",
        "consultation.open": "Den här versionen är ute på remiss till och med {closes}.",
        "consultation.closed": "Remisstiden var {opens}–{closes} och är avslutad.",
        "consultation.how": "Skicka ditt remissvar till {respond_to} och ange diarienummer "
        "{reference}.",
        "consultation.invite": "Vi tar gärna emot konkreta förslag på ändringar, gärna med källor.",
        "consultation.closed_more": "Tack till alla som lämnade synpunkter. Diarienummer "
        "{reference}.",
        "consultation.heading": "Remiss",
        "decision.text": "Beslutad av {by} den {date}, diarienummer {reference}.",
        "start.read_now": "Läs nu",
        "start.timeline": "Programmets versioner",
        "start.timeline_intro": "Programmet tas fram i flera steg. Alla versioner finns kvar "
        "här, så att du kan se hur texten har ändrats.",
        "start.consultation_dates": "Remisstid {opens}–{closes}",
        "start.decision": "Beslut: {by}, {date}",
        "start.sections": "{count} avsnitt",
        "start.about_site": "Om webbplatsen",
        "front.contents": "Innehåll",
        "front.summarises": "Sammanfattar",
        "nav.all_versions": "Alla versioner",
        "nav.start": "Startsida",
        "nav.versions": "Versioner",
        "translation.missing": "Det här avsnittet är inte översatt till {language} ännu. Här "
        "visas originaltexten på {source}.",
        "translation.outdated": "Originaltexten på {source} har ändrats sedan det här avsnittet "
        "översattes, så översättningen kan vara inaktuell.",
        "translation.read_source": "Läs den aktuella texten på {source}",
        "translations.title": "Översättningsläge",
        "translations.intro": "Läget för översättningen till {language}, avsnitt för avsnitt. "
        "Aktuell: översättningen bygger på den nuvarande originaltexten. Inaktuell: "
        "originaltexten har ändrats sedan översättningen gjordes. Saknas: ingen översättning "
        "finns ännu.",
        "translations.summary": "{current} aktuella, {outdated} inaktuella, {missing} saknas; "
        "{words} ord att översätta.",
        "translations.section": "Avsnitt",
        "translations.state": "Läge",
        "translations.words": "Ord att översätta",
        "state.current": "Aktuell",
        "state.outdated": "Inaktuell",
        "state.missing": "Saknas",
        "para.anchor_hidden": "Länk till stycke",
        "para.comment": "Lämna synpunkt",
        "para.comment_hidden": "på avsnitt {number}, stycke {{p}}",
        "comment.section": "Lämna synpunkt på avsnittet",
        "comment.template": "Svarsmall för remissvar",
        "comment.subject": "Synpunkt på {version} ({reference}), avsnitt {where}",
        "comment.where_paragraph": "{number} stycke {p}",
        "comment.body": "Diarienummer: {reference}\nVersion: {version}\nAvsnitt: {number} {title}"
        "{paragraph}\n\nSynpunkt:\n\n\nFörslag till ändring:\n\n\nKällor (gärna med länk):\n\n\n"
        "Avsändare (namn och organisation):\n",
        "comment.body_paragraph": ", stycke {p}",
        "template.title": "Svarsmall för remissvar",
        "template.intro": "Skicka svaret till {respond_to} senast {closes}. Ange diarienummer "
        "{reference}. Skriv under de avsnitt du vill lämna synpunkter på; övriga kan du ta bort. "
        "Ge gärna konkreta förslag på ändringar och ange källor.",
        "template.sender": "Avsändare (namn och organisation)",
        "template.general": "Allmänna synpunkter",
        "template.comment": "Synpunkt",
        "template.proposal": "Förslag till ändring",
        "template.sources": "Källor",
        "language.sv": "svenska",
        "language.en": "engelska",
    },
    "en": {
        "status.draft": "Draft",
        "status.consultation": "Consultation draft",
        "status.adopted": "Adopted",
        "status.popular": "Popular version",
        "status.superseded": "Superseded",
        "version.label": "Version",
        "version.you_are_reading": "You are reading",
        "version.published": "published {date}",
        "version.select": "Change version",
        "version.select_hint": "The same section in another version",
        "version.missing_section": "the section is not in that version: to its first page",
        "version.this": "this version",
        "version.read_now": "Read this version",
        "version.current_badge": "Current",
        "notice.older": "This is an earlier version. The current version is {current}.",
        "notice.newer": "This version is not yet in force. The current version is {current}.",
        "notice.popular": "This is a popular version: a short summary of {base} written for "
        "everyone.",
        "notice.go_same_section": "Read the same section in {current}",
        "notice.go_version_start": "Go to {current}",
        "notice.section_gone": "The section is not in {current}.",
        "consultation.upcoming": "The consultation period starts on {opens} and ends on {closes}.",
        "consultation.open": "This version is out for consultation until {closes}.",
        "consultation.closed": "The consultation period was {opens}–{closes} and is closed.",
        "consultation.how": "Send your response to {respond_to}, quoting reference number "
        "{reference}.",
        "consultation.invite": "Concrete proposals for changes are welcome, with sources "
        "where you have them.",
        "consultation.closed_more": "Thank you to everyone who responded. Reference number "
        "{reference}.",
        "consultation.heading": "Consultation",
        "decision.text": "Adopted by {by} on {date}, reference number {reference}.",
        "start.read_now": "Read now",
        "start.timeline": "Versions of the programme",
        "start.timeline_intro": "The programme is written in stages. Every version stays "
        "here, so that you can see how the text has changed.",
        "start.consultation_dates": "Consultation {opens}–{closes}",
        "start.decision": "Decision: {by}, {date}",
        "start.sections": "{count} sections",
        "start.about_site": "About this site",
        "front.contents": "Contents",
        "front.summarises": "Summarises",
        "nav.all_versions": "All versions",
        "nav.start": "Home",
        "nav.versions": "Versions",
        "translation.missing": "This section has not been translated into {language} yet. "
        "The {source} original is shown below.",
        "translation.outdated": "The {source} original of this section has changed since it "
        "was translated, so this translation may be out of date.",
        "translation.read_source": "Read the current {source} text",
        "translations.title": "Translation status",
        "translations.intro": "The state of the {language} translation, section by section. "
        "Current: the translation was made from the present source text. Outdated: the "
        "source text has changed since. Missing: there is no translation yet.",
        "translations.summary": "{current} current, {outdated} outdated, {missing} missing; "
        "{words} words to translate.",
        "translations.section": "Section",
        "translations.state": "State",
        "translations.words": "Words to translate",
        "state.current": "Current",
        "state.outdated": "Outdated",
        "state.missing": "Missing",
        "para.anchor_hidden": "Link to paragraph",
        "para.comment": "Comment",
        "para.comment_hidden": "on section {number}, paragraph {{p}}",
        "comment.section": "Comment on this section",
        "comment.template": "Response template",
        "comment.subject": "Comment on {version} ({reference}), section {where}",
        "comment.where_paragraph": "{number} paragraph {p}",
        "comment.body": "Reference number: {reference}\nVersion: {version}\nSection: {number} "
        "{title}{paragraph}\n\nComment:\n\n\nProposed change:\n\n\nSources (with links "
        "where possible):\n\n\nFrom (name and organisation):\n",
        "comment.body_paragraph": ", paragraph {p}",
        "template.title": "Consultation response template",
        "template.intro": "Send your response to {respond_to} by {closes}, quoting reference "
        "number {reference}. Write under the sections you comment on and delete the others. "
        "Concrete proposals for changes, with sources, are most helpful.",
        "template.sender": "From (name and organisation)",
        "template.general": "General comments",
        "template.comment": "Comment",
        "template.proposal": "Proposed change",
        "template.sources": "Sources",
        "language.sv": "Swedish",
        "language.en": "English",
    },
}

MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def t(lang: str, key: str, **values: object) -> str:
    """The interface string `key` in `lang`, with `{placeholders}` filled in."""
    table = STRINGS.get(lang) or STRINGS["en"]
    template = table.get(key) or STRINGS["en"].get(key) or STRINGS["sv"][key]
    return template.format(**values) if values else template


def format_date(value: date, lang: str) -> str:
    """'25 november 2020' in Swedish, '25 November 2020' in English."""
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{value.day} {months[value.month - 1]} {value.year}"


def status_name(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in `lang`: "engelska", "English"."""
    return t(lang, f"language.{code}")
