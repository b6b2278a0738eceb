"""An Atom feed (RFC 4287) per language: every published version, every consultation
opening and closing, for readers who want to be told.

Only what has happened by the build date is in it, so a rebuild of the same content on
the same date (SOURCE_DATE_EPOCH) gives the same bytes: the feed's `updated` is its
newest entry's date, not the time of the build. A date the content marks as planned or
approximate says so in the entry's summary (and a planned one in its title too), in the
words the site uses beside the date.

Atom wants absolute addresses and ids, so a feed needs the site's address (`site_url`);
without it there is no feed (see docs/redaktorer.md). An entry's id is the absolute
address of the version's page in the feed's language with a fragment naming the event:
stable as long as the site stays where it is, and different in each language's feed,
since each says it in its own words.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from ... import urls
from ...model import DateMark, Strategy, Version
from ..texts import format_marked, format_span, status_name, t

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"

PUBLISHED = "version"
OPENS = "consultation-opens"
CLOSES = "consultation-closes"
_ORDER = {PUBLISHED: 0, OPENS: 1, CLOSES: 2}  # of events on the same day


@dataclass(frozen=True)
class Entry:
    kind: str  # PUBLISHED, OPENS or CLOSES
    version: Version
    day: date
    title: str
    summary: str


def timestamp(day: date) -> str:
    """A day as an RFC 3339 date-time, which Atom requires: its start, in UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _note(strategy: Strategy, mark: DateMark | None, lang: str) -> str:
    return strategy.text(mark.note, lang) if mark is not None and mark.note else ""


def _title(lang: str, key: str, mark: DateMark | None, **values: object) -> str:
    title = t(lang, key, **values)
    if mark is not None and mark.certainty == "planned":
        title += t(lang, "feed.planned")
    return title


def entries(strategy: Strategy, lang: str, today: date) -> list[Entry]:
    """The feed's entries, newest first: only events on or before `today`."""
    found: list[tuple[int, Entry]] = []
    for order, version in enumerate(strategy.versions.values()):
        name = strategy.text(version.title, lang)
        if version.date <= today:
            status = status_name(version.status, lang)
            parts = [
                t(
                    lang,
                    "feed.version_summary",
                    version=name,
                    status=_first_lower(status),
                    date=format_marked(version.date, version.date_mark, lang),
                ),
                _note(strategy, version.date_mark, lang),
            ]
            decision = version.decision
            if decision is not None and decision.date <= today:
                mark = decision.date_mark
                planned = mark is not None and mark.certainty == "planned"
                # "Planerat beslut ..." says it is planned: the date goes without its mark.
                when = (
                    format_span(decision.date, mark.until if mark else None, lang)
                    if planned
                    else format_marked(decision.date, mark, lang)
                )
                key = "decision.planned" if planned else "decision.text"
                by = strategy.text(decision.by, lang)
                parts.append(t(lang, key, by=by, date=when, reference=decision.reference))
                parts.append(_note(strategy, mark, lang))
            title = _title(lang, "feed.version", version.date_mark, version=name)
            found.append((order, Entry(PUBLISHED, version, version.date, title, _join(parts))))
        consultation = version.consultation
        if consultation is None:
            continue
        opens = format_marked(consultation.opens, consultation.opens_mark, lang)
        closes = format_marked(consultation.closes, consultation.closes_mark, lang)
        state = consultation.state_on(today)
        # What is known of the period's dates, in both entries (a note may be on either).
        notes = [
            _note(strategy, m, lang) for m in (consultation.opens_mark, consultation.closes_mark)
        ]
        if state in ("open", "closed"):
            summary = t(
                lang,
                "feed.opens_summary",
                version=name,
                opens=opens,
                closes=closes,
                respond_to=consultation.respond_to,
                reference=consultation.reference,
            )
            title = _title(lang, "feed.opens", consultation.opens_mark, version=name)
            entry = Entry(OPENS, version, consultation.opens, title, _join([summary, *notes]))
            found.append((order, entry))
        if state == "closed":
            summary = t(
                lang,
                "feed.closes_summary",
                version=name,
                closes=closes,
                reference=consultation.reference,
            )
            title = _title(lang, "feed.closes", consultation.closes_mark, version=name)
            entry = Entry(CLOSES, version, consultation.closes, title, _join([summary, *notes]))
            found.append((order, entry))
    found.sort(key=lambda pair: (pair[1].day, pair[0], _ORDER[pair[1].kind]), reverse=True)
    return [entry for _, entry in found]


def _join(parts: list[str]) -> str:
    """Sentences once each, in order (a note may repeat for two dates of one event)."""
    return " ".join(dict.fromkeys(part for part in parts if part))


def feed_xml(strategy: Strategy, lang: str, today: date, site_url: str) -> bytes:
    """The Atom feed of `lang`, as of `today`, for the site at `site_url`."""
    base = site_url.rstrip("/") + "/"
    source = strategy.source_language

    def address(path: str) -> str:
        return base + urls.localized(path, lang, source)

    items = entries(strategy, lang, today)
    title = strategy.text(strategy.title, lang)
    author = strategy.text(strategy.publisher, lang) if strategy.publisher else title

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    self_href = address(urls.feed_path())
    _add(feed, "id", self_href)
    _add(feed, "title", t(lang, "feed.title", title=title))
    _add(feed, "subtitle", t(lang, "feed.subtitle"))
    newest = items[0].day if items else today
    _add(feed, "updated", timestamp(newest))
    _add(_add(feed, "author"), "name", author)
    _link(feed, "self", self_href, MEDIA_TYPE, lang)
    _link(feed, "alternate", address(""), "text/html", lang)
    for item in items:
        page = address(urls.version_path(item.version.id))
        entry = _add(feed, "entry")
        _add(entry, "id", f"{page}#{item.kind}")
        _add(entry, "title", item.title)
        _add(entry, "updated", timestamp(item.day))
        _add(entry, "published", timestamp(item.day))
        _link(entry, "alternate", page, "text/html", lang)
        ET.SubElement(
            entry,
            f"{{{ATOM}}}category",
            {"term": item.version.status, "label": status_name(item.version.status, lang)},
        )
        _add(entry, "summary", item.summary).set("type", "text")
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _add(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    if text is not None:
        element.text = text
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str, lang: str) -> None:
    ET.SubElement(
        parent,
        f"{{{ATOM}}}link",
        {"rel": rel, "href": href, "type": media_type, "hreflang": lang},
    )
