"""The rules of RFC 4287 (the Atom Syndication Format) that a feed of ours can break,
checked on the parsed XML: each problem as a sentence, none for a valid feed.

Not a whole validator: the rules that matter for what we write (the feed's and every
entry's required elements, once each; dates; unique ids; links; the language).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 3339 section 5.6 date-time (the "T" and "Z" may be lower case, RFC 4287 3.3 does not
# allow it: upper case only).
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return element.findall(ATOM + name)


def _once(element: ET.Element, name: str, where: str, problems: list[str]) -> ET.Element | None:
    found = _children(element, name)
    if len(found) != 1:
        problems.append(f"{where} has {len(found)} atom:{name}, must have exactly one")
        return None
    return found[0]


def _at_most_once(element: ET.Element, name: str, where: str, problems: list[str]) -> None:
    if len(_children(element, name)) > 1:
        problems.append(f"{where} has more than one atom:{name}")


def _date(element: ET.Element | None, where: str, problems: list[str]) -> datetime | None:
    if element is None:
        return None
    text = (element.text or "").strip()
    if not RFC3339.match(text):
        problems.append(f"{where}: '{text}' is not an RFC 3339 date-time")
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _absolute_iri(text: str) -> bool:
    parts = urlsplit(text)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("tag", "urn"))


def _text_construct(element: ET.Element | None, where: str, problems: list[str]) -> None:
    if element is None:
        return
    kind = element.get("type", "text")
    if kind not in ("text", "html", "xhtml"):
        problems.append(f"{where}: type '{kind}' is not text, html or xhtml")
    if kind in ("text", "html") and len(element):
        problems.append(f"{where}: a {kind} construct holds child elements")
    if kind != "xhtml" and not (element.text or "").strip():
        problems.append(f"{where} is empty")


def _links(element: ET.Element, where: str, problems: list[str]) -> list[ET.Element]:
    links = _children(element, "link")
    combos = set()
    for link in links:
        if not link.get("href"):
            problems.append(f"{where}: an atom:link without href")
        if link.get("rel", "alternate") == "alternate":
            combo = (link.get("type"), link.get("hreflang"))
            if combo in combos:
                problems.append(f"{where}: two alternate links with the same type and hreflang")
            combos.add(combo)
    return links


def _author(element: ET.Element, where: str, problems: list[str]) -> bool:
    authors = _children(element, "author")
    for author in authors:
        name = _once(author, "name", f"{where}'s atom:author", problems)
        if name is not None and not (name.text or "").strip():
            problems.append(f"{where}'s atom:author has an empty name")
    return bool(authors)


def atom_problems(data: bytes) -> list[str]:
    """Every rule of RFC 4287 the feed `data` breaks (of those checked here)."""
    problems: list[str] = []
    root = ET.fromstring(data)
    if root.tag != ATOM + "feed":
        return [f"the root element is {root.tag}, not atom:feed"]
    if not root.get(XML_LANG):
        problems.append("atom:feed has no xml:lang")
    feed_id = _once(root, "id", "atom:feed", problems)
    if feed_id is not None and not _absolute_iri((feed_id.text or "").strip()):
        problems.append(f"atom:feed's id '{feed_id.text}' is not an absolute IRI")
    _text_construct(_once(root, "title", "atom:feed", problems), "atom:feed's title", problems)
    _at_most_once(root, "subtitle", "atom:feed", problems)
    updated = _date(_once(root, "updated", "atom:feed", problems), "atom:feed's updated", problems)
    feed_author = _author(root, "atom:feed", problems)
    links = _links(root, "atom:feed", problems)
    if not any(link.get("rel") == "self" for link in links):
        problems.append("atom:feed has no link rel=self (RFC 4287 4.1.1 says it SHOULD)")
    ids = []
    newest = None
    for number, entry in enumerate(_children(root, "entry"), start=1):
        where = f"atom:entry {number}"
        entry_id = _once(entry, "id", where, problems)
        if entry_id is not None:
            text = (entry_id.text or "").strip()
            ids.append(text)
            if not _absolute_iri(text):
                problems.append(f"{where}: id '{text}' is not an absolute IRI")
        _text_construct(_once(entry, "title", where, problems), f"{where}'s title", problems)
        day = _date(_once(entry, "updated", where, problems), f"{where}'s updated", problems)
        if day is not None and (newest is None or day > newest):
            newest = day
        published = _children(entry, "published")
        _at_most_once(entry, "published", where, problems)
        if published:
            _date(published[0], f"{where}'s published", problems)
        entry_links = _links(entry, where, problems)
        content = _children(entry, "content")
        summary = _children(entry, "summary")
        _at_most_once(entry, "summary", where, problems)
        _at_most_once(entry, "content", where, problems)
        if not content and not any(
            link.get("rel", "alternate") == "alternate" for link in entry_links
        ):
            problems.append(f"{where} has neither atom:content nor a link rel=alternate")
        if not content and not summary:
            problems.append(f"{where} has neither atom:summary nor atom:content")
        for element in summary:
            _text_construct(element, f"{where}'s summary", problems)
        if not feed_author and not _author(entry, where, problems):
            problems.append(f"{where} has no atom:author, and neither has the feed")
    if len(set(ids)) != len(ids):
        problems.append("two entries have the same atom:id")
    if updated is not None and newest is not None and newest > updated:
        problems.append("an entry is newer than the feed's updated")
    return problems
