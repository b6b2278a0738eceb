"""The whole strategy as one JSON-ready document: the open data's `strategy.json`.

Built from the model and the derived facts only (no engine), so that the same content
gives the same document byte for byte: lists keep the content's order (versions oldest
first, sections in reading order, inputs and items in file order), and the one date that
is not the content's is the build date, which SOURCE_DATE_EPOCH fixes.

What is made up or uncertain in the content is in the data too, where the site shows it:
an input's `illustrative`, a date's `certainty` and `note`, a figure's `note` and its
steps' `status`, the site's notice. `strategy.schema.json` (beside this module) describes
every field; docs/redaktorer.md and the data page tell readers the same in words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ... import urls
from ...content.figures import placements
from ...derive.causes import passage_block
from ...derive.comparisons import Comparisons
from ...derive.diff import BlockDiff, SectionChange, VersionComparison
from ...derive.figure_translations import figure_hash, figure_state
from ...derive.inputs import trace
from ...derive.translations import section_state, source_hash, translation_languages
from ...model import (
    POPULAR,
    Chart,
    DateMark,
    Decision,
    Figure,
    Input,
    InputItem,
    LocalizedText,
    Mapping,
    Section,
    Strategy,
    Version,
)
from .plain import plain_text

FORMAT = "strategy-site open data"
FORMAT_VERSION = 1
SCHEMA_FILE = "strategy.schema.json"

JSON = dict[str, Any]


def open_data(
    strategy: Strategy,
    today: date,
    comparisons: Comparisons | None = None,
    *,
    site_url: str | None = None,
    notice: LocalizedText | None = None,
) -> JSON:
    """The export of `strategy` as of the build date `today`.

    `site_url` (the site's address, from the engine's configuration) makes the pages'
    addresses absolute for readers of the data; `notice` is the sentence the site shows
    on every page (the example's: that it is a reconstruction).
    """
    if comparisons is None or not comparisons.enabled:
        # The data has the changes even where a site is built without their pages.
        comparisons = Comparisons(strategy)
    return _Exporter(strategy, comparisons).document(today, site_url, notice)


def date_value(value: date, mark: DateMark | None) -> JSON:
    """A date with how sure it is: `certainty` null is a plain date, as written."""
    return {
        "date": value.isoformat(),
        "until": mark.until.isoformat() if mark and mark.until else None,
        "certainty": mark.certainty if mark else None,
        "note": dict(mark.note) if mark else {},
    }


class _Exporter:
    def __init__(self, strategy: Strategy, comparisons: Comparisons):
        self.strategy = strategy
        self.comparisons = comparisons

    def paths(self, path: str) -> dict[str, str]:
        """A page's site path in every language ("en/remiss/"), from the site's root."""
        source = self.strategy.source_language
        return {lang: urls.localized(path, lang, source) for lang in self.strategy.languages}

    def file(self, path: Path) -> str:
        """A content file's path from the strategy's folder, for provenance."""
        return path.relative_to(self.strategy.root).as_posix()

    def document(self, today: date, site_url: str | None, notice: LocalizedText | None) -> JSON:
        strategy = self.strategy
        licence = strategy.licence
        return {
            "format": {"name": FORMAT, "version": FORMAT_VERSION, "schema": SCHEMA_FILE},
            "build_date": today.isoformat(),
            "site_url": site_url,
            "title": dict(strategy.title),
            "publisher": dict(strategy.publisher),
            "source_language": strategy.source_language,
            "languages": list(strategy.languages),
            "current": strategy.current,
            "licence": None
            if licence is None
            else {"name": dict(licence.name), "url": licence.url, "note": dict(licence.note)},
            "notice": dict(notice) if notice else None,
            "versions": [self.version(v) for v in strategy.versions.values()],
            "comparisons": [
                self.comparison(c)
                for v in strategy.versions.values()
                if (c := self.comparisons.get(v)) is not None
            ],
            "lineage": self.lineage(),
            "inputs": [self.input(found) for found in strategy.inputs],
        }

    # -- versions ------------------------------------------------------------------

    def version(self, version: Version) -> JSON:
        consultation = version.consultation
        return {
            "id": version.id,
            "status": version.status,
            "title": dict(version.title),
            "date": date_value(version.date, version.date_mark),
            "based_on": version.based_on,
            "frozen": version.frozen,
            "consultation": None
            if consultation is None
            else {
                "opens": date_value(consultation.opens, consultation.opens_mark),
                "closes": date_value(consultation.closes, consultation.closes_mark),
                "respond_to": consultation.respond_to,
                "reference": consultation.reference,
            },
            "decision": self.decision(version.decision),
            "changes_summary": dict(version.changes_summary) if version.changes_summary else None,
            "outcome": dict(version.outcome) if version.outcome else None,
            "paths": self.paths(urls.version_path(version.id)),
            "sections": [self.section(version, s) for s in version.sections.values()],
            "figures": [self.figure(f) for f in version.figures.values()],
            "assets": sorted(version.assets),
        }

    @staticmethod
    def decision(decision: Decision | None) -> JSON | None:
        if decision is None:
            return None
        return {
            "by": dict(decision.by),
            "date": date_value(decision.date, decision.date_mark),
            "reference": decision.reference,
            "in_force": None
            if decision.in_force is None
            else date_value(decision.in_force, decision.in_force_mark),
        }

    def section(self, version: Version, section: Section) -> JSON:
        source = self.strategy.source_language

        def figure_title(lang: str) -> Any:
            def title(figure_id: str) -> str | None:
                figure = version.figures.get(figure_id)
                if figure is None:
                    return None
                translation = figure.translations.get(lang)
                return translation.title if translation is not None else figure.title

            return title

        text = {
            source: {
                "title": section.title,
                "summary": section.summary,
                "markdown": section.body,
                "plain": plain_text(section.body, figure_title(source)),
            }
        }
        translations = {}
        for lang in translation_languages(self.strategy):
            translation = section.translations.get(lang)
            translations[lang] = {
                "state": section_state(section, lang),
                "source_hash": translation.source_hash if translation else None,
            }
            if translation is not None:
                text[lang] = {
                    "title": translation.title,
                    "summary": translation.summary,
                    "markdown": translation.body,
                    "plain": plain_text(translation.body, figure_title(lang)),
                }
        return {
            "id": section.id,
            "number": section.number,
            "depth": section.depth,
            "parent": section.parent,
            "children": list(section.children),
            "replaces": list(section.replaces),
            "summarises": list(section.summarises),
            "file": self.file(section.path),
            "paths": self.paths(urls.section_path(version.id, section.id)),
            "source_hash": source_hash(section),
            "text": text,
            "translations": translations,
            "figures": [figure_id for _, figure_id in placements(section.body)],
        }

    def figure(self, figure: Figure) -> JSON:
        translations: JSON = {}
        for lang in translation_languages(self.strategy):
            translation = figure.translations.get(lang)
            entry: JSON = {"state": figure_state(figure, lang)}
            if translation is not None:
                entry |= {
                    "title": translation.title,
                    "caption": translation.caption,
                    "source": translation.source,
                    "note": translation.note,
                    "unit": translation.unit,
                    "labels": dict(translation.labels),
                    "source_hash": translation.source_hash,
                }
            translations[lang] = entry
        return {
            "id": figure.id,
            "kind": figure.kind,
            "file": self.file(figure.path),
            "title": figure.title,
            "caption": figure.caption,
            "source": figure.source,
            "note": figure.note,
            "unit": figure.unit,
            "chart": _chart(figure.chart),
            "steps": [
                {"label": s.label, "when": s.when, "status": s.status, "phase": s.phase}
                for s in figure.steps
            ],
            "mapping": _mapping(figure.mapping),
            "source_hash": figure_hash(figure),
            "translations": translations,
        }

    # -- changes and lineage ---------------------------------------------------------

    def comparison(self, comparison: VersionComparison) -> JSON:
        return {
            "version": comparison.new_version,
            "based_on": comparison.old_version,
            "words_added": comparison.words_added,
            "words_removed": comparison.words_removed,
            "sections": [_change(change) for change in comparison],
        }

    def lineage(self) -> list[JSON]:
        """Every link between a section and its counterpart in the version before: the
        same section (renamed, moved, changed or not), split, merged, summarised; and
        where a section was added or removed, a link with one end null."""
        links: list[JSON] = []
        for version in self.strategy.versions.values():
            base = version.based_on
            if base is None or base not in self.strategy.versions:
                continue
            if version.status == POPULAR:
                for section in version.sections.values():
                    for origin in section.summarises:
                        links.append(_link(base, origin, version.id, section.id, ["summarises"]))
                continue
            comparison = self.comparisons.get(version)
            if comparison is None:
                continue
            for change in comparison:
                kinds = list(change.kinds)
                if not change.in_new_version:
                    if change.new_ids:
                        continue  # merged or split: the new sections' links say where to
                    links.append(_link(base, change.section_id, None, None, kinds))
                elif not change.old_ids:
                    links.append(_link(None, None, version.id, change.section_id, kinds))
                for old_id in change.old_ids if change.in_new_version else ():
                    links.append(_link(base, old_id, version.id, change.section_id, kinds))
        return links

    # -- inputs ----------------------------------------------------------------------

    def input(self, found: Input) -> JSON:
        return {
            "id": found.id,
            "kind": found.kind,
            "date": found.date.isoformat(),
            "about": found.about,
            "title": found.title,
            "from": list(found.from_),
            "illustrative": found.illustrative,
            "file": self.file(found.path),
            "items": [self.item(found, item) for item in found.items],
        }

    def item(self, found: Input, item: InputItem) -> JSON:
        traced = trace(self.strategy, found, item)
        effect = None
        if traced.effect_version is not None:
            block = None
            version = self.strategy.versions.get(traced.effect_version)
            if version is not None and traced.effect_section in version.sections and item.passage:
                body = version.sections[traced.effect_section].body
                block = passage_block(body, item.passage)
            effect = {
                "version": traced.effect_version,
                "section": traced.effect_section,
                "passage": item.passage,
                "block": block,
            }
        return {
            "id": item.id,
            "text": item.text,
            "section": item.section,
            "proposal": item.proposal,
            "sources": [{"title": s.title, "url": s.url} for s in item.sources],
            "decision": item.decision,
            "response": item.response,
            "effect": effect,
            "paths": self.paths(urls.inputs_path(found.about) + f"#{traced.anchor}"),
        }


def _link(
    from_version: str | None,
    from_section: str | None,
    to_version: str | None,
    to_section: str | None,
    kinds: list[str],
) -> JSON:
    def end(version: str | None, section: str | None) -> JSON | None:
        return None if version is None else {"version": version, "section": section}

    return {
        "from": end(from_version, from_section),
        "to": end(to_version, to_section),
        "kinds": kinds,
    }


def _change(change: SectionChange) -> JSON:
    return {
        "section": change.section_id,
        "kinds": list(change.kinds),
        "in_new_version": change.in_new_version,
        "old_number": change.old_number,
        "new_number": change.new_number,
        "old_title": change.old_title,
        "new_title": change.new_title,
        "old_ids": list(change.old_ids),
        "new_ids": list(change.new_ids),
        "words_added": change.words_added,
        "words_removed": change.words_removed,
        "blocks": None if change.body is None else [_block(b) for b in change.body],
    }


def _block(block: BlockDiff) -> JSON:
    shown = block.new or block.old
    kind = shown.kind if shown is not None else ""
    return {
        "status": block.status,
        "kind": kind,
        "old_index": block.old_index,
        "new_index": block.new_index,
        "old": block.old_text() if block.old is not None else None,
        "new": block.new_text() if block.new is not None else None,
        "words_added": block.words_added,
        "words_removed": block.words_removed,
        "words": [
            {
                "op": op.tag,
                "old": "".join(t.text + t.gap for t in op.old),
                "new": "".join(t.text + t.gap for t in op.new),
            }
            for op in block.ops
        ],
        "moved": None
        if block.move is None
        else {"direction": block.move.direction, "section": block.move.section_id},
        "rewrite": None if block.rewrite is None else round(block.rewrite, 3),
    }


def _chart(chart: Chart | None) -> JSON | None:
    if chart is None:
        return None
    return {
        "axis": chart.axis,
        "series": list(chart.series),
        "categories": list(chart.categories),
        "values": [list(row) for row in chart.values],
        "stacked": chart.stacked,
        "data": chart.data,
    }


def _mapping(mapping: Mapping | None) -> JSON | None:
    if mapping is None:
        return None
    return {
        "left_title": mapping.left_title,
        "right_title": mapping.right_title,
        "left": list(mapping.left),
        "right": list(mapping.right),
        "links": [{"from": a, "to": b} for a, b in mapping.links],
    }
