"""The site's own words (banners, selectors, status names), in Swedish and English.

Content comes from `strategy/`; these are the interface strings around it. Swedish and
English ship here; a region adds a language (or overrides a string, such as the
document's noun) with `strategy/strings/<lang>.yml`, checked by
`check_interface_strings`. Dates and language names come from CLDR through Babel, and so
do plural rules: a string with a count has one key per CLDR plural form of the language
(`front.count_added.one`, `.other`; Northern and South Sami also `.two`), and `t` picks
the form the count takes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from string import Formatter

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel.numbers import format_decimal
from markupsafe import Markup

from ..content.problems import ProblemLog, plural
from ..model import DateMark, InterfaceStrings, Strategy

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "status.draft": "Utkast",
        "status.consultation": "Remissutkast",
        "status.adopted": "Beslutad",
        "status.popular": "Populärversion",
        "status.superseded": "Ersatt",
        "version.you_are_reading": "Du läser",
        "version.published": "publicerad {date}",
        "version.select": "Byt version",
        "version.more": "Om versionen",
        "version.select_hint": "Samma avsnitt i en annan version",
        "version.missing_section": "avsnittet finns inte i den versionen: till versionens början",
        "version.current_badge": "Gällande",
        "version.other_title": "där heter avsnittet {title}",
        "notice.older": "Det här är en tidigare version. Den gällande versionen är {current}.",
        "notice.newer": "Det här är en version som ännu inte gäller. Den gällande versionen är "
        "{current}.",
        "notice.popular": "Det här är en populärversion: en kort sammanfattning av {base} "
        "skriven för alla.",
        "notice.go_same_section": "Läs samma avsnitt i {current}",
        "notice.go_sections": "Avsnittet fortsätter i {current} som {sections}.",
        "version.in_sections": "i flera avsnitt:",
        "list.and": "och",
        "notice.go_version_start": "Gå till {current}",
        "notice.section_gone": "Avsnittet finns inte i {current}.",
        "consultation.upcoming": "Remisstiden börjar {opens} och slutar {closes}.",
        "consultation.open": "Den här versionen är ute på remiss till och med {closes}.",
        "consultation.closed": "Remisstiden var {opens} – {closes} och är avslutad.",
        "consultation.how": "Skicka ditt remissvar till {respond_to} och ange diarienummer "
        "{reference}.",
        "consultation.invite": "Vi tar gärna emot konkreta förslag på ändringar, gärna med källor.",
        "consultation.closed_more": "Tack till alla som lämnade synpunkter. Diarienummer "
        "{reference}.",
        "consultation.heading": "Remiss",
        "decision.text": "Beslutad av {by} den {date}, diarienummer {reference}.",
        "decision.planned": "Planerat beslut i {by} {date}, diarienummer {reference}.",
        "decision.in_force": "Gäller från {date}.",
        "decision.in_force_planned": "Planeras gälla från {date}.",
        "date.planned": "{date} (planerat)",
        "date.approximate": "cirka {date}",
        "figure.label": "Figur",
        "figure.source": "Källa",
        "figure.unit": "Enhet",
        "figure.data": "Figurens data som tabell",
        "figure.status.planned": "planerat",
        "figure.status.unverified": "ej bekräftat",
        "figure.status.done": "genomfört",
        "figure.kind.bar": "Stapeldiagram, i {unit}.",
        "figure.kind.stacked": "Staplat stapeldiagram, i {unit}.",
        "figure.kind.line": "Linjediagram, i {unit}.",
        "figure.kind.process": "En process i {count} steg:",
        "figure.kind.mapping": "Hur {left} förs till {right}:",
        "figure.no_link": "ingen koppling",
        "figure.added": "ny",
        "figure.removed": "borttagen",
        "figure.key.added_link": "ny koppling",
        "figure.key.removed_link": "borttagen koppling",
        "figure.download": "Ladda ner siffrorna (CSV-fil)",
        "figure.col.@step": "Steg",
        "figure.col.@phase": "Fas",
        "figure.col.@when": "När",
        "figure.col.@status": "Status",
        "figure.missing": "Figuren är ännu inte översatt och visas på {source}.",
        "figure.outdated": "Figurens översättning kan vara inaktuell: figuren på {source} har "
        "ändrats sedan den översattes.",
        "figure.changed": "Figuren har ändrats. Tabellen visar gamla och nya värden.",
        "figure.changed_marked": "Figuren har ändrats. I bilden är det nya märkt (ny) och det "
        "borttagna streckat och märkt (borttagen); tabellen visar gamla och nya värden.",
        "figure.changed_in_section": "En figur i avsnittet har ändrats; visa ändringarna för "
        "att se vad.",
        "figure.unchanged": "Figuren är oförändrad.",
        "figure.added_figure": "Figuren är ny i den här versionen.",
        "figure.removed_figure": "Figuren finns inte längre i den här versionen.",
        "start.read_now": "Läs nu",
        "site_notice.more": "Läs mer",
        "start.timeline": "{Document_genitive} versioner",
        "start.timeline_intro": "{Document} tas fram i flera steg. Alla versioner finns kvar "
        "här, så att du kan se hur texten har ändrats.",
        "start.consultation_dates": "Remisstid {opens}–{closes}",
        "start.decision": "Beslut: {by}, {date}",
        "start.decision_planned": "Planerat beslut: {by}, {date}",
        "start.sections.one": "{count} avsnitt",
        "start.sections.other": "{count} avsnitt",
        "front.contents": "Innehåll",
        "pdf.heading": "Som PDF",
        "pdf.whole": "Hela versionen som PDF ({pages}, {size})",
        "pdf.changes": "Med ändringar sedan {base}, PDF ({pages}, {size})",
        "pdf.pages.one": "{count} sida",
        "pdf.pages.other": "{count} sidor",
        "pdf.preview": "PDF-filerna görs när webbplatsen byggs, inte i förhandsvisningen.",
        "pdf.changes_edition": "Med ändringar sedan {base}",
        "pdf.legend": "Tillagd text är understruken och borttagen text överstruken, och varje "
        "ändring är också märkt i ord.",
        "pdf.web_address": "På webben: {url}",
        "pdf.page": "s.",
        "pdf.made": "PDF gjord {date} av webbplatsens text.",
        "nav.start": "Startsida",
        "nav.versions": "Versioner",
        "translation.missing": "Det här avsnittet är inte översatt till {language} ännu. Här "
        "visas originaltexten på {source}.",
        "translation.outdated": "Originaltexten på {source} har ändrats sedan det här avsnittet "
        "översattes, så översättningen kan vara inaktuell.",
        "translation.read_source": "Läs den aktuella texten på {source}",
        "translation.changed_on": "Originaltexten ändrades den {date} i webbplatsens "
        "versionshistorik: {words}.",
        "translation.changed": "Ändrat i originaltexten sedan översättningen: {words}.",
        "translation.title_changed": "Rubriken har också ändrats.",
        "translation.added.one": "{count} ord nytt eller ändrat",
        "translation.added.other": "{count} ord nya eller ändrade",
        "translation.and_removed.one": "{count} borttaget",
        "translation.and_removed.other": "{count} borttagna",
        "translation.removed.one": "{count} ord borttaget",
        "translation.removed.other": "{count} ord borttagna",
        "translation.no_words": "bara skiljetecken eller formatering",
        "translation.see_changes": "Se vad som har ändrats i texten på {source}",
        "translation.no_history": "Vad som har ändrats kan inte visas här: webbplatsen byggdes "
        "utan versionshistoriken för sina texter.",
        "source_changes.page_title": "Ändringar i originaltexten: {title}",
        "source_changes.intro": "Översättningen till {language} av det här avsnittet gjordes "
        "från en tidigare text på {source}. Här visas texten på {source} som den är nu, med det "
        "som har tillkommit sedan dess markerat som infogat och det som har tagits bort "
        "markerat som borttaget.",
        "source_changes.translation": "Läs översättningen till {language}",
        "source_changes.heading": "Rubriken på {source}: {title}",
        "translations.changed_on": "ändrad {date} i webbplatsens versionshistorik",
        "translations.see_changes": "Visa ändringarna",
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
        "translations.what_changed": "Se vad som ändrats:",
        "state.current": "Aktuell",
        "state.outdated": "Inaktuell",
        "state.missing": "Saknas",
        "para.anchor_hidden": "stycke",
        "para.comment": "Lämna synpunkt",
        "para.comment_hidden": "på avsnitt {number}, stycke {{p}}",
        "comment.section": "Lämna synpunkt på avsnittet",
        "comment.template_docx": "Svarsmall för remissvar (Word)",
        "comment.template_txt": "Svarsmall som text",
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
        "inputs.title": "Inspel och beslut",
        "inputs.intro": "Det här sades om {version}: i workshoppar och remissvar, vad som "
        "föreslogs, vilka källor som angavs och vad som blev av det.",
        "inputs.none": "Inga inspel är registrerade för den här versionen.",
        "inputs.summary": "Sammanställning",
        "inputs.by_decision": "Per beslut",
        "inputs.by_sender": "Per avsändare",
        "inputs.by_section": "Per avsnitt",
        "inputs.count": "Antal",
        "inputs.no_section": "Hela {document}",
        "inputs.filter": "Visa",
        "inputs.filter_sender": "Avsändare",
        "inputs.filter_section": "Avsnitt",
        "inputs.filter_decision": "Beslut",
        "inputs.filter_all": "Alla",
        "inputs.from": "Från",
        "inputs.said": "Inspel",
        "inputs.section": "Avsnitt",
        "inputs.proposal": "Förslag",
        "inputs.sources": "Källor",
        "inputs.decision": "Beslut",
        "inputs.response": "Svar",
        "inputs.effect": "Se ändringen i {version}",
        "inputs.affected": "Inspel som påverkat avsnittet",
        "inputs.see_input": "Inspelet",
        "inputs.private": "Privatperson",
        "inputs.workshop": "Workshop {date}",
        "inputs.workshop_with.one": "Workshop {date} ({count} deltagande organisation)",
        "inputs.workshop_with.other": "Workshop {date} ({count} deltagande organisationer)",
        "inputs.participating.one": "{count} deltagande organisation",
        "inputs.participating.other": "{count} deltagande organisationer",
        "inputs.participants": "Deltagare ({count})",
        "inputs.workshop_points": "Punkterna är regionens sammanfattning av workshopen och "
        "säger inte vem av deltagarna som sa vad.",
        "outcome.title": "Remissens utfall",
        "cause.marker_hidden": "Orsak till ändringen: inspel ",
        "cause.heading": "Inspel som orsakade ändringar",
        "cause.to_passage": "Till stället i texten",
        "front.changed": "Vad har ändrats sedan {base}",
        "front.count_added.one": "{count} nytt avsnitt",
        "front.count_added.other": "{count} nya avsnitt",
        "front.count_changed.one": "{count} ändrat",
        "front.count_changed.other": "{count} ändrade",
        "front.count_removed.one": "{count} borttaget",
        "front.count_removed.other": "{count} borttagna",
        "front.count_unchanged.one": "{count} oförändrat",
        "front.count_unchanged.other": "{count} oförändrade",
        "front.count_words": "{added} ord tillagda och {removed} borttagna",
        "front.count_words_moved": "{added} ord tillagda, {removed} borttagna och {moved} "
        "flyttade till ett annat avsnitt",
        "front.overview_link": "Alla ändringar mot {base}, avsnitt för avsnitt",
        "outcome.link": "Remissens utfall: vad som kom in och vad som blev av det",
        "outcome.intro": "Vad som kom in om {consultation} och vad som blev av det i {version}.",
        "outcome.intro_dates": "{consultation} var på remiss {opens} – {closes} (diarienummer "
        "{reference}). Här är vad som kom in och vad som blev av det i {version}.",
        "outcome.who": "Vilka som svarade",
        "outcome.responded.one": "{count} inspel:",
        "outcome.responded.other": "{count} inspel:",
        "outcome.kind.consultation-response.one": "remissvar",
        "outcome.kind.consultation-response.other": "remissvar",
        "outcome.kind.workshop.one": "workshop",
        "outcome.kind.workshop.other": "workshoppar",
        "outcome.themes": "Huvudsakliga synpunkter",
        "outcome.decisions": "Beslut",
        "outcome.decisions_intro": "Varje synpunkt har fått ett beslut. Så här många av varje:",
        "outcome.items": "Varje synpunkt och vad som blev av den",
        "outcome.group": "{decision} ({count})",
        "outcome.effect": "Där det ändrades: {place}",
        "outcome.whole_input": "Hela inspelet",
        "outcome.shaped_by": "Inspel som har format {version}",
        "outcome.shaped_by_intro.one": "{count} synpunkt ledde till ett beslut som "
        "genomfördes i den här versionen.",
        "outcome.shaped_by_intro.other": "{count} synpunkter ledde till beslut som genomfördes "
        "i den här versionen.",
        "outcome.closed_link": "Läs remissens utfall",
        "outcome.start": "Vad blev resultatet av remissen?",
        "kind.workshop": "Workshop",
        "kind.consultation-response": "Remissvar",
        "illustrative.all.mark": "påhittat exempel",
        "illustrative.all.notice": "Påhittat exempel: avsändaren, inspelet och svaret är "
        "uppdiktade för att visa hur webbplatsen redovisar inspel. Ingen verklig organisation "
        "har skrivit detta.",
        "illustrative.handling.mark": "illustration",
        "illustrative.handling.notice": "Deltagarna och punkterna, så som regionen "
        "sammanfattade dem, är verkliga. Hur punkterna hanterades (beslut och svar) är en "
        "illustration, inte ett besked som regionen har gett.",
        "decision.accepted": "Tillgodosett",
        "decision.partly": "Delvis tillgodosett",
        "decision.rejected": "Inte tillgodosett",
        "decision.noted": "Noterat",
        "decision.open": "Inte beslutat än",
        "changes.show": "Visa ändringar",
        "changes.hide": "Dölj ändringar",
        "changes.page_title": "Ändringar: {title}",
        "changes.overview": "Ändringar mot {base}",
        "changes.overview_intro": "Så här skiljer sig {version} från {base}, avsnitt för "
        "avsnitt. Välj ett avsnitt för att se texten med tillägg och strykningar markerade.",
        "changes.totals": "Totalt {added} ord tillagda och {removed} borttagna.",
        "changes.totals_moved": "Totalt {added} ord tillagda, {removed} borttagna och {moved} "
        "flyttade till ett annat avsnitt.",
        "changes.col_number": "Nr",
        "changes.previous": "Föregående ändring",
        "changes.next": "Nästa ändring",
        "changes.first": "Till första ändringen",
        "changes.unchanged_start.one": "Oförändrad text, stycke {first}",
        "changes.unchanged_start.many": "Oförändrad text, stycke {first}–{last}",
        "changes.col_inputs": "Inspel",
        "changes.input_point": "synpunkt",
        "changes.old_number": "tidigare {number}",
        "changes.from": "Från {sections} i {base}",
        "changes.col_section": "Avsnitt",
        "changes.col_change": "Ändring",
        "changes.col_added": "Tillagda ord",
        "changes.col_removed": "Borttagna ord",
        "changes.legend": "Tillagd text är understruken, borttagen text är överstruken.",
        "changes.moved_to": "Flyttat till {section}:",
        "changes.moved_from": "Flyttat hit från {section} i {base}:",
        "changes.shown_elsewhere": "Text ur {old} i {base} som har tagits bort visas "
        "överstruken i {section}.",
        "changes.other_parts": "Andra delar av {section} finns i {sections}",
        "changes.moved_out_words": "{count} ord flyttade till {sections}",
        "changes.moved_in_words": "{count} ord flyttade hit från {sections} i {base}",
        "changes.moved_note": "Text som har flyttats från ett avsnitt till ett annat räknas "
        "som flyttad, inte som borttagen eller tillagd.",
        "changes.moved_away_label": "Flyttat härifrån:",
        "changes.moved_here_label": "Flyttat hit:",
        "changes.short.added": "Nytt sedan {base}",
        "changes.short.unchanged": "Oförändrat sedan {base}",
        "changes.short.changed": "Ändrat sedan {base}: {added} ord tillagda, {removed} borttagna",
        "changes.short.other": "Ändrat sedan {base}",
        "changes.added": "Avsnittet är nytt i {version}.",
        "changes.renamed": "Avsnittet har bytt namn: {title}.",
        "changes.moved": "Avsnittet har flyttats från {old} till {new} i innehållsförteckningen.",
        "changes.merged": "Avsnittet slår ihop {sections} från {base}.",
        "changes.split": "Avsnittet är en av delarna av {sections} från {base}.",
        "changes.replaces": "Avsnittet ersätter {sections} från {base}.",
        "change.added": "Nytt",
        "change.removed": "Borttaget",
        "change.unchanged": "Oförändrat",
        "change.changed": "Ändrad text",
        "change.renamed": "Nytt namn",
        "change.moved": "Flyttat",
        "change.split": "Delat",
        "change.merged": "Sammanslaget",
        "change.replaces": "Ersätter ett avsnitt",
        "change.merged_into": "Sammanslaget i {sections}",
        "change.split_into": "Delat i {sections}",
        "changes.removed_link": "där det senast fanns ({version})",
        "changes.translation_not_current": "Översättningarna av det här avsnittet är inte "
        "aktuella i båda versionerna, så jämförelsen nedan gäller originaltexten på {source}.",
        "changes.source_comparison": "Jämförelsen på {source}",
        "summarises.text": "Den här texten sammanfattar {sections} i {base}.",
        "history.link": "Avsnittets historik",
        "history.title": "Avsnittets historik: {title}",
        "history.intro": "Avsnittet i varje version där det finns med, äldst först: vad det "
        "hette, vilket nummer det hade och vad som hände med det. Det som avsnittet kom från "
        "och det som det blev till räknas med, så att en sammanslagning eller en uppdelning går "
        "att följa. Avsnittet du kom från är märkt ”{here}”.",
        "history.here": "Det här avsnittet",
        "history.first": "Fanns med redan i den första versionen.",
        "history.added": "Nytt i {version}.",
        "history.unchanged": "Oförändrat sedan {base}.",
        "history.changed": "Texten har ändrats sedan {base}: {added} ord tillagda, {removed} "
        "borttagna.",
        "history.text_unchanged": "Texten är oförändrad.",
        "history.renamed": "Nytt namn, tidigare {title}.",
        "history.moved": "Flyttat i innehållsförteckningen från {old} till {new}.",
        "history.merged": "Sammanslaget av {sections} i {base}.",
        "history.split": "{section} i {base} delades upp i {parts}.",
        "history.replaces": "Ersätter {sections} i {base}.",
        "history.summarises": "Sammanfattar {sections} i {base}.",
        "history.removed": "Borttaget i den här versionen: {sections} i {base}.",
        "history.not_summarised": "Sammanfattas inte i den här versionen: {sections} i {base}.",
        "history.see_removed": "Ändringarna i {version}",
        "history.see_changes": "Visa ändringarna mot {base}",
        "history.effects": "Inspel vars beslut genomfördes här:",
        "history.about": "Inspel om avsnittet i den här versionen:",
        "history.see_effect": "Ändringen",
        "ui.made_with": "Byggd med",
        "ui.permalink": "Länk till rubriken",
        "ui.in_language": "(på {language})",
        "ui.palette_to_dark": "Byt till mörkt läge",
        "ui.palette_to_light": "Byt till ljust läge",
        "ui.open_data": "Öppna data",
        "ui.feed": "Nyheter som flöde (Atom)",
        "feed.title": "{title}: versioner och remisser",
        "feed.subtitle": "Nya versioner av {document} och när remisser öppnar och stänger.",
        "feed.link_title": "Nya versioner och remisser (Atom-flöde)",
        "feed.version": "Ny version: {version}",
        "feed.version_summary": "En ny version har publicerats: {version}. Den har status "
        "{status} och är daterad {date}.",
        "feed.opens": "Remissen öppnar: {version}",
        "feed.opens_summary": "{version} är ute på remiss från {opens} till och med {closes}. "
        "Sista dag för remissvar är {closes}. Skicka ditt remissvar till {respond_to} och ange "
        "diarienummer {reference}.",
        "feed.closes": "Remisstiden har gått ut: {version}",
        "feed.closes_summary": "Remisstiden för {version} gick ut {closes}. Diarienummer "
        "{reference}.",
        "feed.planned": " (planerat)",
        "data.title": "Öppna data",
        "data.intro": "Hela {document} finns också som öppna data, för den som vill läsa, "
        "räkna eller jämföra med egna verktyg: varje version med sina avsnitt, vad som ändrats "
        "mellan versionerna, inspelen och besluten om dem, och översättningarnas läge. "
        "Adresserna är desamma på svenska och engelska och ändras inte.",
        "data.licence": "Licens",
        "data.licence_text": "Uppgifterna får användas enligt {licence}.",
        "data.no_licence": "Regionen har inte angett någon licens för de här uppgifterna.",
        "data.files": "Filer",
        "data.file": "Fil",
        "data.content": "Innehåll",
        "data.format": "Format",
        "data.size": "Storlek",
        "data.json": "Hela {document}: versioner, avsnitt, ändringar, släktskapen mellan "
        "avsnitt, inspel och översättningar.",
        "data.schema": "Hur strategy.json är uppbyggd, fält för fält (JSON Schema 2020-12). "
        "Med den kan ett program kontrollera filen.",
        "data.csv": "Inspelen som tabell: en rad per synpunkt, med beslutet, svaret och var "
        "det genomfördes.",
        "data.feed": "Nyheter: nya versioner och när remisser öppnar och stänger.",
        "data.structure": "Vad filen innehåller",
        "data.versions": "Varje version med status, titel på varje språk, "
        "datum, remiss och beslut, och dess avsnitt med id, nummer, rubrik och text på varje "
        "språk, både som Markdown (som redaktörerna skrev den) och som ren text. Figurer finns "
        "som sina data: tal, steg och kopplingar.",
        "data.comparisons": "Ändringarna mellan varje version och den "
        "den bygger på: för varje avsnitt vad som hänt med det (kinds: added, removed, renamed, "
        "moved, changed, split, merged, replaces), hur många ord som lagts till och tagits "
        "bort, och texten block för block (stycken, rubriker, listpunkter, tabellrader). Ett "
        "block har sin text i den gamla och den nya versionen (old, new) och, när det ändrats, "
        "orden som de är: lika (equal), strukna (delete), tillagda (insert) eller utbytta "
        "(replace).",
        "data.lineage": "Släktskapen: vilket avsnitt som fortsätter vilket "
        "i versionen före, också när avsnitt har delats, slagits ihop eller sammanfattats.",
        "data.inputs": "Inspelen med varje synpunkt, beslutet, svaret och "
        "var beslutet genomfördes (effect), ner till stycket när redaktören har angett det.",
        "data.translations": "I varje avsnitt: översättningens läge på varje språk: current "
        "(aktuell), outdated (inaktuell) eller missing (saknas).",
        "data.honesty": "Det som är påhittat eller osäkert i innehållet är markerat också i "
        "uppgifterna: illustrative på inspel (all: påhittat, handling: det som sades är "
        "verkligt men inte hur det hanterades), certainty och note på datum (planned: "
        "planerat, approximate: ungefärligt) och webbplatsens meddelande i notice.",
        "data.csv_heading": "Tabellen",
        "data.csv_format": "Tabellen har semikolon mellan fälten och är kodad som UTF-8 med "
        "byte order mark, så att Excel med svenska inställningar öppnar den rätt. En cell som "
        "börjar med =, +, - eller @ har fått ett ' först, så att kalkylprogram inte läser den "
        "som en formel; i JSON-filen står texterna precis som de skrevs.",
        "data.feed_heading": "Flödet",
        "data.feed_text": "Med en flödesläsare kan du få veta när en ny version publiceras och "
        "när en remiss öppnar och stänger, med sista dag för remissvar. Flödet finns på "
        "svenska och engelska.",
        "data.built": "Uppgifterna byggdes {date}.",
        "notfound.title": "Sidan finns inte",
        "notfound.explain": "Det finns ingen sida på den här adressen. Kanske har adressen "
        "skrivits fel, eller så har sidan flyttats. Alla versioner av {document} finns kvar, "
        "men ett avsnitt kan ha bytt namn eller slagits ihop med ett annat mellan två versioner.",
        "notfound.search": "Sök på webbplatsen",
        "notfound.search_button": "Sök",
        "notfound.current": "Läs {current}, den gällande versionen",
        "notfound.start": "Gå till startsidan med alla versioner",
        "language.sv": "svenska",
        "language.en": "engelska",
        "document.definite": "programmet",
        "document.genitive": "programmets",
        "preview.title.one": "Innehållet har ett fel",
        "preview.title.other": "Innehållet har {count} fel",
        "preview.intro": "Förhandsgranskningen visar webbplatsen igen när felen är rättade. "
        "Varje fel står med fil och rad, vad som är fel och hur du rättar det (på engelska, "
        "som i terminalen och från strategi check).",
        "preview.hint": "Tips: {hint}",
        "preview.fix": "Rätta felen och spara filen: sidan laddas om av sig själv.",
    },
    "en": {
        "status.draft": "Draft",
        "status.consultation": "Consultation draft",
        "status.adopted": "Adopted",
        "status.popular": "Popular version",
        "status.superseded": "Superseded",
        "version.you_are_reading": "You are reading",
        "version.published": "published {date}",
        "version.select": "Change version",
        "version.more": "About this version",
        "version.select_hint": "The same section in another version",
        "version.missing_section": "the section is not in that version: to its first page",
        "version.current_badge": "Current",
        "version.other_title": "there the section is called {title}",
        "notice.older": "This is an earlier version. The current version is {current}.",
        "notice.newer": "This version is not yet in force. The current version is {current}.",
        "notice.popular": "This is a popular version: a short summary of {base} written for "
        "everyone.",
        "notice.go_same_section": "Read the same section in {current}",
        "notice.go_sections": "The section continues in {current} as {sections}.",
        "version.in_sections": "in several sections:",
        "list.and": "and",
        "notice.go_version_start": "Go to {current}",
        "notice.section_gone": "The section is not in {current}.",
        "consultation.upcoming": "The consultation period starts on {opens} and ends on {closes}.",
        "consultation.open": "This version is out for consultation until {closes}.",
        "consultation.closed": "The consultation period was {opens} – {closes} and is closed.",
        "consultation.how": "Send your response to {respond_to}, quoting reference number "
        "{reference}.",
        "consultation.invite": "Concrete proposals for changes are welcome, with sources "
        "where you have them.",
        "consultation.closed_more": "Thank you to everyone who responded. Reference number "
        "{reference}.",
        "consultation.heading": "Consultation",
        "decision.text": "Adopted by {by} on {date}, reference number {reference}.",
        "decision.planned": "Planned decision by {by} on {date}, reference number {reference}.",
        "decision.in_force": "In force from {date}.",
        "decision.in_force_planned": "Planned to take effect on {date}.",
        "date.planned": "{date} (planned)",
        "date.approximate": "about {date}",
        "figure.label": "Figure",
        "figure.source": "Source",
        "figure.unit": "Unit",
        "figure.data": "The figure's data as a table",
        "figure.status.planned": "planned",
        "figure.status.unverified": "unverified",
        "figure.status.done": "done",
        "figure.kind.bar": "Bar chart, in {unit}.",
        "figure.kind.stacked": "Stacked bar chart, in {unit}.",
        "figure.kind.line": "Line chart, in {unit}.",
        "figure.kind.process": "A process in {count} steps:",
        "figure.kind.mapping": "How {left} lead into {right}:",
        "figure.no_link": "no link",
        "figure.added": "new",
        "figure.removed": "removed",
        "figure.key.added_link": "new link",
        "figure.key.removed_link": "removed link",
        "figure.download": "Download the numbers (CSV file)",
        "figure.col.@step": "Step",
        "figure.col.@phase": "Phase",
        "figure.col.@when": "When",
        "figure.col.@status": "Status",
        "figure.missing": "This figure has not been translated yet and is shown in {source}.",
        "figure.outdated": "This figure's translation may be out of date: the {source} figure "
        "has changed since it was translated.",
        "figure.changed": "The figure has changed. The table shows old and new values.",
        "figure.changed_marked": "The figure has changed. In the drawing what is new is marked "
        "(new) and what was removed is dashed and marked (removed); the table shows old and "
        "new values.",
        "figure.changed_in_section": "A figure in this section has changed; show the changes "
        "to see what.",
        "figure.unchanged": "The figure is unchanged.",
        "figure.added_figure": "The figure is new in this version.",
        "figure.removed_figure": "The figure is no longer in this version.",
        "start.read_now": "Read now",
        "start.timeline": "Versions of {document}",
        "start.timeline_intro": "{Document} is written in stages. Every version stays "
        "here, so that you can see how the text has changed.",
        "start.consultation_dates": "Consultation {opens}–{closes}",
        "start.decision": "Decision: {by}, {date}",
        "start.decision_planned": "Planned decision: {by}, {date}",
        "site_notice.more": "Read more",
        "start.sections.one": "{count} section",
        "start.sections.other": "{count} sections",
        "front.contents": "Contents",
        "pdf.heading": "As PDF",
        "pdf.whole": "The whole version as PDF ({pages}, {size})",
        "pdf.changes": "With the changes since {base}, PDF ({pages}, {size})",
        "pdf.pages.one": "{count} page",
        "pdf.pages.other": "{count} pages",
        "pdf.preview": "The PDF files are made when the site is built, not in the preview.",
        "pdf.changes_edition": "With the changes since {base}",
        "pdf.legend": "Added text is underlined and removed text struck through, and every "
        "change is also labelled in words.",
        "pdf.web_address": "On the web: {url}",
        "pdf.page": "p.",
        "pdf.made": "PDF made on {date} from the text of the site.",
        "nav.start": "Home",
        "nav.versions": "Versions",
        "translation.missing": "This section has not been translated into {language} yet. "
        "The {source} original is shown below.",
        "translation.outdated": "The {source} original of this section has changed since it "
        "was translated, so this translation may be out of date.",
        "translation.read_source": "Read the current {source} text",
        "translation.changed_on": "The original was changed on {date} in the site's version "
        "history: {words}.",
        "translation.changed": "Changed in the original since the translation: {words}.",
        "translation.title_changed": "The heading has changed too.",
        "translation.added.one": "{count} word new or changed",
        "translation.added.other": "{count} words new or changed",
        "translation.and_removed.one": "{count} removed",
        "translation.and_removed.other": "{count} removed",
        "translation.removed.one": "{count} word removed",
        "translation.removed.other": "{count} words removed",
        "translation.no_words": "only punctuation or formatting",
        "translation.see_changes": "See what changed in the {source} text",
        "translation.no_history": "What changed cannot be shown here: the site was built "
        "without the version history of its texts.",
        "source_changes.page_title": "Changes in the original: {title}",
        "source_changes.intro": "The {language} translation of this section was made from an "
        "earlier {source} text. Below is the {source} text as it is now, with what was added "
        "since marked as inserted and what was taken out marked as deleted.",
        "source_changes.translation": "Read the {language} translation",
        "source_changes.heading": "The {source} heading: {title}",
        "translations.changed_on": "changed {date} in the site's version history",
        "translations.see_changes": "Show the changes",
        "translations.title": "Translation status",
        "translations.intro": "The state of the {language} translation, section by section. "
        "Current: the translation was made from the present source text. Outdated: the "
        "source text has changed since. Missing: there is no translation yet.",
        "translations.summary": "{current} current, {outdated} outdated, {missing} missing; "
        "{words} words to translate.",
        "translations.section": "Section",
        "translations.state": "State",
        "translations.words": "Words to translate",
        "translations.what_changed": "See what changed:",
        "state.current": "Current",
        "state.outdated": "Outdated",
        "state.missing": "Missing",
        "para.anchor_hidden": "paragraph",
        "para.comment": "Comment",
        "para.comment_hidden": "on section {number}, paragraph {{p}}",
        "comment.section": "Comment on this section",
        "comment.template_docx": "Response template (Word)",
        "comment.template_txt": "Template as text",
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
        "inputs.title": "Inputs and decisions",
        "inputs.intro": "What was said about {version} in workshops and consultation "
        "responses, what was proposed, which sources were given and what became of it.",
        "inputs.none": "No inputs are recorded for this version.",
        "inputs.summary": "Summary",
        "inputs.by_decision": "By decision",
        "inputs.by_sender": "By sender",
        "inputs.by_section": "By section",
        "inputs.count": "Number",
        "inputs.no_section": "{Document} as a whole",
        "inputs.filter": "Show",
        "inputs.filter_sender": "Sender",
        "inputs.filter_section": "Section",
        "inputs.filter_decision": "Decision",
        "inputs.filter_all": "All",
        "inputs.from": "From",
        "inputs.said": "Input",
        "inputs.section": "Section",
        "inputs.proposal": "Proposal",
        "inputs.sources": "Sources",
        "inputs.decision": "Decision",
        "inputs.response": "Response",
        "inputs.effect": "See the change in {version}",
        "inputs.affected": "Inputs that shaped this section",
        "inputs.see_input": "The input",
        "inputs.private": "Private individual",
        "inputs.workshop": "Workshop on {date}",
        "inputs.workshop_with.one": "Workshop on {date} ({count} participating organisation)",
        "inputs.workshop_with.other": "Workshop on {date} ({count} participating organisations)",
        "inputs.participating.one": "{count} participating organisation",
        "inputs.participating.other": "{count} participating organisations",
        "inputs.participants": "Participants ({count})",
        "inputs.workshop_points": "The points are the region's summary of the workshop and do "
        "not say which participant said what.",
        "outcome.title": "Consultation outcome",
        "cause.marker_hidden": "Cause of the change: input ",
        "cause.heading": "Inputs that caused changes",
        "cause.to_passage": "To the passage",
        "front.changed": "What has changed since {base}",
        "front.count_added.one": "{count} new section",
        "front.count_added.other": "{count} new sections",
        "front.count_changed.one": "{count} changed",
        "front.count_changed.other": "{count} changed",
        "front.count_removed.one": "{count} removed",
        "front.count_removed.other": "{count} removed",
        "front.count_unchanged.one": "{count} unchanged",
        "front.count_unchanged.other": "{count} unchanged",
        "front.count_words": "{added} words added and {removed} removed",
        "front.count_words_moved": "{added} words added, {removed} removed and {moved} "
        "moved to another section",
        "front.overview_link": "Every change from {base}, section by section",
        "outcome.link": "Consultation outcome: what was said and what became of it",
        "outcome.intro": "What was said about {consultation} and what became of it in {version}.",
        "outcome.intro_dates": "{consultation} was out for consultation from {opens} to "
        "{closes} (reference {reference}). Here is what was said and what became of it in "
        "{version}.",
        "outcome.who": "Who responded",
        "outcome.responded.one": "{count} input:",
        "outcome.responded.other": "{count} inputs:",
        "outcome.kind.consultation-response.one": "consultation response",
        "outcome.kind.consultation-response.other": "consultation responses",
        "outcome.kind.workshop.one": "workshop",
        "outcome.kind.workshop.other": "workshops",
        "outcome.themes": "Main themes",
        "outcome.decisions": "Decisions",
        "outcome.decisions_intro": "Every point made has a decision. How many of each:",
        "outcome.items": "Every point made and what became of it",
        "outcome.group": "{decision} ({count})",
        "outcome.effect": "Where it changed: {place}",
        "outcome.whole_input": "The whole input",
        "outcome.shaped_by": "Inputs that shaped {version}",
        "outcome.shaped_by_intro.one": "{count} point made led to a decision that took effect "
        "in this version.",
        "outcome.shaped_by_intro.other": "{count} points made led to decisions that took "
        "effect in this version.",
        "outcome.closed_link": "Read the consultation outcome",
        "outcome.start": "What came of the consultation?",
        "kind.workshop": "Workshop",
        "kind.consultation-response": "Consultation response",
        "illustrative.all.mark": "invented example",
        "illustrative.all.notice": "Invented example: the sender, the input and the response "
        "are made up to show how the site reports inputs. No real organisation wrote this.",
        "illustrative.handling.mark": "illustration",
        "illustrative.handling.notice": "The participants and the points, as the region "
        "summarised them, are real. How the points were handled (decisions and responses) is "
        "an illustration, not an answer the region gave.",
        "decision.accepted": "Accepted",
        "decision.partly": "Partly accepted",
        "decision.rejected": "Not accepted",
        "decision.noted": "Noted",
        "decision.open": "Not yet decided",
        "changes.show": "Show changes",
        "changes.hide": "Hide changes",
        "changes.page_title": "Changes: {title}",
        "changes.overview": "Changes from {base}",
        "changes.overview_intro": "How {version} differs from {base}, section by section. "
        "Choose a section to see its text with insertions and deletions marked.",
        "changes.totals": "In all, {added} words added and {removed} removed.",
        "changes.totals_moved": "In all, {added} words added, {removed} removed and {moved} "
        "moved to another section.",
        "changes.col_number": "No.",
        "changes.previous": "Previous change",
        "changes.next": "Next change",
        "changes.first": "To the first change",
        "changes.unchanged_start.one": "Unchanged text, paragraph {first}",
        "changes.unchanged_start.many": "Unchanged text, paragraphs {first}–{last}",
        "changes.col_inputs": "Inputs",
        "changes.input_point": "point",
        "changes.old_number": "formerly {number}",
        "changes.from": "From {sections} in {base}",
        "changes.col_section": "Section",
        "changes.col_change": "Change",
        "changes.col_added": "Words added",
        "changes.col_removed": "Words removed",
        "changes.legend": "Added text is underlined, removed text is struck through.",
        "changes.moved_to": "Moved to {section}:",
        "changes.moved_from": "Moved here from {section} of {base}:",
        "changes.shown_elsewhere": "Text from {old} of {base} that has been removed is shown "
        "struck through in {section}.",
        "changes.other_parts": "Other parts of {section} are in {sections}",
        "changes.moved_out_words": "{count} words moved to {sections}",
        "changes.moved_in_words": "{count} words moved here from {sections} in {base}",
        "changes.moved_note": "Text moved from one section to another is counted as moved, "
        "not as removed or added.",
        "changes.moved_away_label": "Moved away:",
        "changes.moved_here_label": "Moved here:",
        "changes.short.added": "New since {base}",
        "changes.short.unchanged": "Unchanged since {base}",
        "changes.short.changed": "Changed since {base}: {added} words added, {removed} removed",
        "changes.short.other": "Changed since {base}",
        "changes.added": "This section is new in {version}.",
        "changes.renamed": "The section has been renamed: {title}.",
        "changes.moved": "The section has moved from {old} to {new} in the table of contents.",
        "changes.merged": "This section merges {sections} of {base}.",
        "changes.split": "This section is one of the parts of {sections} of {base}.",
        "changes.replaces": "This section replaces {sections} of {base}.",
        "change.added": "New",
        "change.removed": "Removed",
        "change.unchanged": "Unchanged",
        "change.changed": "Text changed",
        "change.renamed": "Renamed",
        "change.moved": "Moved",
        "change.split": "Split",
        "change.merged": "Merged",
        "change.replaces": "Replaces a section",
        "change.merged_into": "Merged into {sections}",
        "change.split_into": "Split into {sections}",
        "changes.removed_link": "where it last stood ({version})",
        "changes.translation_not_current": "The translations of this section are not up to "
        "date in both versions, so the comparison below is of the {source} original.",
        "changes.source_comparison": "The comparison in {source}",
        "summarises.text": "This text summarises {sections} of {base}.",
        "history.link": "History of this section",
        "history.title": "History of the section: {title}",
        "history.intro": "The section in every version it appears in, oldest first: what it "
        "was called, its number and what happened to it. What the section came from and what "
        "it became count too, so that a merge or a split can be followed. The section you came "
        "from is marked “{here}”.",
        "history.here": "This section",
        "history.first": "There from the first version.",
        "history.added": "New in {version}.",
        "history.unchanged": "Unchanged since {base}.",
        "history.changed": "The text has changed since {base}: {added} words added, {removed} "
        "removed.",
        "history.text_unchanged": "The text is unchanged.",
        "history.renamed": "Renamed; formerly {title}.",
        "history.moved": "Moved in the table of contents from {old} to {new}.",
        "history.merged": "Merged from {sections} of {base}.",
        "history.split": "{section} of {base} was split into {parts}.",
        "history.replaces": "Replaces {sections} of {base}.",
        "history.summarises": "Summarises {sections} of {base}.",
        "history.removed": "Removed in this version: {sections} of {base}.",
        "history.not_summarised": "Not summarised in this version: {sections} of {base}.",
        "history.see_removed": "The changes in {version}",
        "history.see_changes": "Show the changes from {base}",
        "history.effects": "Inputs whose decisions took effect here:",
        "history.about": "Inputs about the section in this version:",
        "history.see_effect": "The change",
        "ui.made_with": "Made with",
        "ui.permalink": "Link to this heading",
        "ui.in_language": "(in {language})",
        "ui.palette_to_dark": "Switch to dark mode",
        "ui.palette_to_light": "Switch to light mode",
        "ui.open_data": "Open data",
        "ui.feed": "News feed (Atom)",
        "feed.title": "{title}: versions and consultations",
        "feed.subtitle": "New versions of {document} and when consultations open and close.",
        "feed.link_title": "New versions and consultations (Atom feed)",
        "feed.version": "New version: {version}",
        "feed.version_summary": "A new version has been published: {version}. Its status is "
        "{status}, and it is dated {date}.",
        "feed.opens": "Consultation opens: {version}",
        "feed.opens_summary": "{version} is out for consultation from {opens} until {closes}. "
        "The last day for responses is {closes}. Send your response to {respond_to}, quoting "
        "the reference number {reference}.",
        "feed.closes": "Consultation closed: {version}",
        "feed.closes_summary": "The consultation on {version} closed on {closes}. Reference "
        "number {reference}.",
        "feed.planned": " (planned)",
        "data.title": "Open data",
        "data.intro": "The whole of {document} is also available as open data, for anyone who "
        "wants to read, count or compare with their own tools: every version with its sections, "
        "what changed between versions, the inputs and the decisions on them, and the state of "
        "the translations. The addresses are the same in Swedish and English and do not change.",
        "data.licence": "Licence",
        "data.licence_text": "The data may be used under {licence}.",
        "data.no_licence": "The region has not stated a licence for this data.",
        "data.files": "Files",
        "data.file": "File",
        "data.content": "Content",
        "data.format": "Format",
        "data.size": "Size",
        "data.json": "The whole of {document}: versions, sections, changes, how sections "
        "continue one another, inputs and translations.",
        "data.schema": "How strategy.json is structured, field by field (JSON Schema "
        "2020-12). A program can check the file with it.",
        "data.csv": "The inputs as a table: one row per point made, with the decision, the "
        "response and where it took effect.",
        "data.feed": "News: new versions and when consultations open and close.",
        "data.structure": "What the file contains",
        "data.versions": "Every version with its status, title in each "
        "language, dates, consultation and decision, and its sections with id, number, title "
        "and text in each language, both as Markdown (as the editors wrote it) and as plain "
        "text. Figures are there as their data: numbers, steps and links.",
        "data.comparisons": "The changes between each version and the "
        "one it is based on: for each section what happened to it (kinds: added, removed, "
        "renamed, moved, changed, split, merged, replaces), how many words were added and "
        "removed, and the text block by block (paragraphs, headings, list items, table rows). "
        "A block has its text in the old and the new version (old, new) and, where it changed, "
        "its words as they are: the same (equal), deleted (delete), inserted (insert) or "
        "replaced (replace).",
        "data.lineage": "How sections continue one another: which section "
        "continues which in the version before, also where sections were split, merged or "
        "summarised.",
        "data.inputs": "The inputs with every point made, the decision, the "
        "response and where the decision took effect (effect), down to the paragraph where the "
        "editors say so.",
        "data.translations": "In every section: the state of its translation in each "
        "language: current, outdated or missing.",
        "data.honesty": "What is made up or uncertain in the content is marked in the data "
        "too: illustrative on inputs (all: made up; handling: what was said is real, how it "
        "was handled is not), certainty and note on dates (planned, approximate), and the "
        "site's notice in notice.",
        "data.csv_heading": "The table",
        "data.csv_format": "The table has semicolons between fields and is encoded as UTF-8 "
        "with a byte order mark, so that Excel with Swedish settings opens it correctly (in "
        "other spreadsheets, choose semicolon as the separator). A cell that starts with =, +, "
        "- or @ has been given a leading ', so that spreadsheets do not read it as a formula; "
        "the JSON file has the texts exactly as written.",
        "data.feed_heading": "The feed",
        "data.feed_text": "With a feed reader you can be told when a new version is published "
        "and when a consultation opens and closes, with the last day for responses. The feed "
        "is available in Swedish and English.",
        "data.built": "The data was built on {date}.",
        "notfound.title": "Page not found",
        "notfound.explain": "There is no page at this address. The address may have been "
        "mistyped, or the page may have moved. Every version of {document} is kept, but a "
        "section may have been renamed or merged with another between two versions.",
        "notfound.search": "Search the site",
        "notfound.search_button": "Search",
        "notfound.current": "Read {current}, the version in force",
        "notfound.start": "Go to the home page with every version",
        "language.sv": "Swedish",
        "language.en": "English",
        "document.definite": "the programme",
        "document.genitive": "the programme's",
        "preview.title.one": "The content has one problem",
        "preview.title.other": "The content has {count} problems",
        "preview.intro": "The preview shows the site again once the problems are fixed. "
        "Each problem is given with its file and line, what is wrong and how to fix it.",
        "preview.hint": "Hint: {hint}",
        "preview.fix": "Fix the problems and save the file: the page reloads by itself.",
    },
}

# The document's noun, in every string that names it: a region sets `document.definite`
# (programmet, strategin, planen) and `document.genitive` in its strings file.
DOCUMENT_PLACEHOLDERS = ("document", "Document", "document_genitive", "Document_genitive")

# The Babel locale of an interface language where it is not the code itself: the
# interface's English is British ("25 November 2020", "programme").
BABEL_LOCALES = {"en": "en-GB"}

# CLDR's plural categories, in its order; every language has "other".
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
OTHER = "other"
# The strings with plural forms: those the package gives a `.one` and an `.other` form
# (`changes.short.other` is the short note of an "other" change, not a plural).
PLURALS = frozenset(
    key.removesuffix(".one")
    for table in STRINGS.values()
    for key in table
    if key.endswith(".one") and key.removesuffix(".one") + ".other" in table
)

_region: dict[str, dict[str, str]] = {}
"""The region's own strings (strategy/strings/<lang>.yml), set by `use_region_strings`
when a site is planned: one module-level table, because every renderer calls `t`."""


def use_region_strings(strings: Mapping[str, InterfaceStrings]) -> None:
    """Make a strategy's own interface strings (and overrides) the first choice of `t`."""
    _region.clear()
    _region.update({lang: _with_aliases(lang, found.values) for lang, found in strings.items()})


def _with_aliases(lang: str, values: Mapping[str, str]) -> dict[str, str]:
    """A region's table, where `<key>.many` in a language without CLDR's "many" is the
    `.other` form (as the package's own tables named it before CLDR's rules were used)."""
    table = dict(values)
    for key, value in values.items():
        base = key.removesuffix(".many")
        if base != key and _many_means_other(lang, base):
            table.setdefault(f"{base}.{OTHER}", value)
    return table


def _many_means_other(lang: str, base: str) -> bool:
    return base in PLURALS and "many" not in plural_forms(lang)


@lru_cache(maxsize=64)
def plural_forms(lang: str) -> tuple[str, ...]:
    """The CLDR plural forms of `lang`, in CLDR's order: ('one', 'other') for Swedish,
    ('one', 'two', 'other') for South Sami. A language CLDR does not know counts as
    Swedish does (one, other)."""
    locale = _babel_locale(lang)
    tags = set(locale.plural_form.tags) if locale is not None else {"one"}
    return tuple(form for form in PLURAL_FORMS if form in tags or form == OTHER)


def plural_form(lang: str, count: int) -> str:
    """The CLDR plural form `count` takes in `lang`: 'one', 'two', ... or 'other'."""
    locale = _babel_locale(lang)
    if locale is None:
        return "one" if count == 1 else OTHER
    form = str(locale.plural_form(count))
    return form if form in plural_forms(lang) else OTHER


def _template(lang: str, key: str, values: Mapping[str, object]) -> str | None:
    """The string `key`, in the plural form its `count` takes when it has forms."""
    count = values.get("count")
    if key not in PLURALS or not isinstance(count, int):
        return _lookup(lang, key)
    form = plural_form(lang, count)
    return _lookup(lang, f"{key}.{form}") or _lookup(lang, f"{key}.{OTHER}")


def _lookup(lang: str, key: str) -> str | None:
    for table in (_region.get(lang, {}), STRINGS.get(lang, {}), STRINGS["en"], STRINGS["sv"]):
        if key in table:
            return table[key]
    return None


def _with_document(template: str, lang: str) -> str:
    if "{" not in template or "ocument" not in template:
        return template
    definite = _lookup(lang, "document.definite") or ""
    genitive = _lookup(lang, "document.genitive") or ""
    names = {
        "document": definite,
        "Document": definite[:1].upper() + definite[1:],
        "document_genitive": genitive,
        "Document_genitive": genitive[:1].upper() + genitive[1:],
    }
    for name, value in names.items():
        template = template.replace("{" + name + "}", value)
    return template


def t(lang: str, key: str, **values: object) -> str:
    """The interface string `key` in `lang`, with `{placeholders}` filled in.

    The region's strings come first, then the package's table for `lang`, then English,
    then Swedish (a checked site never needs the last two for a language of its own).
    A string with plural forms takes the form its `count` needs (`plural_form`).
    """
    template = _template(lang, key, values)
    if template is None:
        raise KeyError(key)
    template = _with_document(template, lang)
    return template.format(**values) if values else template


def t_html(lang: str, key: str, **values: object) -> Markup:
    """`t` for HTML: the string is escaped, and so is every value that is not `Markup`
    (HTML made by a template), so that a region's string or a title cannot add markup.
    The one place where an interface string becomes HTML."""
    template = _template(lang, key, values)
    if template is None:
        raise KeyError(key)
    html = Markup.escape(_with_document(template, lang))
    return html.format(**values) if values else html


@lru_cache(maxsize=64)
def _babel_locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(BABEL_LOCALES.get(lang, lang), sep="-")
    except (UnknownLocaleError, ValueError):
        return None


def text_direction(lang: str) -> str:
    """'ltr' or 'rtl' for the page's `dir` attribute, from CLDR (ltr if unknown)."""
    locale = _babel_locale(lang)
    return "rtl" if locale is not None and locale.text_direction == "rtl" else "ltr"


def has_month_names(lang: str) -> bool:
    """Whether Babel (CLDR) names the months in `lang`; for South Sami it only numbers them."""
    locale = _babel_locale(lang)
    if locale is None:
        return False
    december = locale.months["format"]["wide"].get(12, "")
    return bool(december) and december != "M12"


@lru_cache(maxsize=4096)  # CLDR's formatting is slow, and pages show the same dates
def format_date(value: date, lang: str) -> str:
    """'25 november 2020' in Swedish, '25 November 2020' in English: CLDR's long date.

    A language without month names in CLDR gets the ISO date (2020-11-25), which every
    reader can read, rather than CLDR's "2020 M11 25".
    """
    locale = _babel_locale(lang)
    if locale is None or not has_month_names(lang):
        return value.isoformat()
    return babel_dates.format_date(value, format="long", locale=locale)


def format_span(start: date, until: date | None, lang: str) -> str:
    """A day or a range: '24–25 november 2020', '30 november – 2 december 2020'.

    The shared month and year are written once where the language puts the day first
    (as Swedish and British English do); otherwise both dates are written in full.
    """
    first, last = format_date(start, lang), format_date(until, lang) if until else ""
    if until is None:
        return first
    day_first = last.startswith(f"{until.day} ") and first.startswith(f"{start.day} ")
    if day_first and (start.year, start.month) == (until.year, until.month):
        return f"{start.day}–{last}"
    if day_first and start.year == until.year and first.endswith(f" {start.year}"):
        return f"{first.removesuffix(f' {start.year}')} – {last}"
    return f"{first} – {last}"


def format_marked(start: date, mark: DateMark | None, lang: str) -> str:
    """A date as plain text with its certainty: 'cirka 2 mars 2020'."""
    text = format_span(start, mark.until if mark else None, lang)
    return t(lang, f"date.{mark.certainty}", date=text) if mark else text


def format_size(size: int, lang: str) -> str:
    """A file's size as readers write it: '240 kB', '1,2 MB' ('1.2 MB' in English)."""
    locale = _babel_locale(lang) or _babel_locale("en")
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=locale)} MB"


def status_name(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")


def babel_language_name(code: str, lang: str) -> str | None:
    """The name of language `code` in `lang` from CLDR, or None if CLDR has none."""
    locale = _babel_locale(lang)
    if locale is None:
        return None
    name = locale.languages.get(code.replace("-", "_"))
    if name is None:
        try:
            name = Locale.parse(code, sep="-").get_display_name(locale)
        except (UnknownLocaleError, ValueError):
            return None
    return name if name and name != code else None


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in `lang`: "engelska", "English", "sydsamiska".

    The region's or the package's `language.<code>` string first, then CLDR.
    """
    own = _region.get(lang, {}).get(f"language.{code}") or STRINGS.get(lang, {}).get(
        f"language.{code}"
    )
    return own or babel_language_name(code, lang) or code


# Strings only editors see, in the source language when the package has it and else in
# English: a region's strings file need not translate them (the preview's error page, which
# shows when the content, strings files included, cannot be read).
EDITORS_ONLY = ("preview.",)


def interface_keys(lang: str = "en") -> set[str]:
    """Every key a complete table of `lang` has: the package's Swedish and English ones,
    a string with a count in each plural form of `lang` (CLDR), except language names,
    which CLDR gives (checked by `_check_language_names`), and the strings only editors
    see (`EDITORS_ONLY`)."""
    keys = set(STRINGS["sv"]) | set(STRINGS["en"])
    single = {
        key
        for key in keys
        if not _is_name(key) and not key.startswith(EDITORS_ONLY) and _plural_base(key) is None
    }
    forms = {
        f"{base}.{form}"
        for base in PLURALS
        if not base.startswith(EDITORS_ONLY)
        for form in plural_forms(lang)
    }
    return single | forms


def _plural_base(key: str) -> str | None:
    """The string `key` is a plural form of, if it is one."""
    base, dot, form = key.rpartition(".")
    return base if dot and form in PLURAL_FORMS and base in PLURALS else None


def english_reference(key: str) -> str | None:
    """The package's English (else Swedish) text of `key`; for a plural form the
    language's own tables lack (`.two`), the text of its `.other` form."""
    for table in (STRINGS["en"], STRINGS["sv"]):
        if key in table:
            return table[key]
    base = _plural_base(key)
    return english_reference(f"{base}.{OTHER}") if base else None


def _is_name(key: str) -> bool:
    return key.startswith("language.")


# What makes a short text something else once it is inside a page's Markdown: emphasis
# and code (* _ `), links, images and footnotes ([ ]), escapes (\). Many partials that
# hold interface strings sit inside a paragraph, where Markdown still reads their text;
# the package's own strings have none of these, and `{ }` are placeholders (checked).
MARKUP_CHARACTERS = re.compile(r"[*_`\[\]\\]")


def _literal_text(template: str) -> str:
    """A template without its `{placeholders}` (`{document_genitive}`), as it reads;
    the template itself when its braces are malformed (refused by `_check_table`)."""
    try:
        return "".join(literal for literal, _, _, _ in Formatter().parse(template))
    except ValueError:
        return template


def _placeholders(template: str) -> set[str] | None:
    """The `{names}` a template fills in, or None when its braces are malformed."""
    try:
        return {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def check_interface_strings(strategy: Strategy, log: ProblemLog) -> None:
    """Every language of the site has every interface string, and each one fits.

    Swedish and English ship with the package; any other language needs a complete
    `strings/<lang>.yml`. A region's file for sv or en only overrides keys.
    """
    folder = strategy.root / "strings"
    for lang in strategy.languages:
        own = strategy.strings.get(lang)
        shipped = lang in STRINGS
        if own is None:
            if not shipped:
                log.add(
                    folder / f"{lang}.yml",
                    None,
                    f"the site's interface has no strings in '{lang}'",
                    f"Create {folder.name}/{lang}.yml with every key of the interface "
                    f"('strategi strings {lang}' writes a file to translate).",
                )
            continue
        _check_table(own, interface_keys(lang), shipped, log)
        _check_language_names(strategy, lang, own, log)


def _check_table(own: InterfaceStrings, keys: set[str], shipped: bool, log: ProblemLog) -> None:
    for key, value in own.values.items():
        line = own.lines.get(key)
        markup = sorted(set(MARKUP_CHARACTERS.findall(_literal_text(value))))
        if markup:
            log.add(
                own.path,
                line,
                f"'{key}' has {' and '.join(repr(c) for c in markup)}, which the pages would "
                "read as formatting or a link (Markdown), not as text",
                "Interface strings are plain text: leave the character out or reword (a "
                "dash instead of '_', quotes instead of '*', parentheses instead of '[ ]').",
            )
            continue
        if _is_name(key):
            continue
        base = _plural_base(key)
        many = key not in keys and base is not None and key.endswith(".many")
        if many and base is not None and _many_means_other(own.lang, base):
            key = f"{base}.{OTHER}"  # the old name of the form (see _with_aliases)
        if key not in keys:
            forms = plural_forms(own.lang)
            if base is not None:
                hint = (
                    f"'{own.lang}' has the plural forms {', '.join(forms)} (CLDR); write "
                    + " and ".join(f"'{base}.{form}'" for form in forms)
                    + "."
                )
                message = f"'{key}' is not a plural form of '{own.lang}'"
            elif key in PLURALS:
                hint = "It has a form for each count: " + ", ".join(
                    f"'{key}.{form}'" for form in forms
                )
                message = f"'{key}' has plural forms"
            else:
                close = difflib.get_close_matches(key, sorted(keys), n=1)
                hint = f"Did you mean '{close[0]}'?" if close else "Remove the line."
                message = f"unknown interface string '{key}'"
            log.add(own.path, line, message, hint)
            continue
        reference = english_reference(key) or ""
        allowed = (_placeholders(reference) or set()) | set(DOCUMENT_PLACEHOLDERS)
        used = _placeholders(value)
        if used is None:
            log.add(
                own.path,
                line,
                f"'{key}' has an unmatched '{{' or '}}'",
                "Braces mark placeholders such as {date}; write a literal brace as {{ or }}.",
            )
        elif used - allowed:
            unknown = ", ".join("{" + name + "}" for name in sorted(used - allowed))
            known = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
            log.add(
                own.path,
                line,
                f"'{key}' uses {unknown}, which this string does not have",
                f"Placeholders here: {known}.",
            )
    if not shipped:
        missing = sorted(keys - set(_with_aliases(own.lang, own.values)))
        if missing:
            log.add(
                own.path,
                None,
                f"{plural(len(missing), 'interface string is', 'interface strings are')} "
                f"missing: {', '.join(missing)}",
                "Add a line 'key: text' for each (a file from 'strategi strings "
                f"{own.lang}' has them all, with the English texts).",
            )


def _check_language_names(
    strategy: Strategy, lang: str, own: InterfaceStrings, log: ProblemLog
) -> None:
    """A language CLDR cannot name in `lang` needs its `language.<code>` string."""
    for code in strategy.languages:
        key = f"language.{code}"
        if key in own.values or key in STRINGS.get(lang, {}):
            continue
        if babel_language_name(code, lang) is None:
            log.add(
                own.path,
                None,
                f"no name for the language '{code}' in '{lang}'",
                f"Add a line '{key}: ...' (CLDR does not name it).",
            )


def strings_with_prefix(lang: str, prefix: str) -> dict[str, str]:
    """Every interface string whose key starts with `prefix.`, keyed by the rest: the
    strings templates need (`ui.made_with` -> `made_with`)."""
    keys = [key for key in STRINGS["sv"] if key.startswith(prefix + ".")]
    return {key.removeprefix(prefix + "."): t(lang, key) for key in keys}
