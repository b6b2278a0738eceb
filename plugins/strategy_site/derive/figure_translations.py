"""Figures in other languages: current, outdated or missing, like sections.

A figure's translation records in `source_hash` which source words it was made from:
the title, caption, source, note, unit and every label. Numbers are not words, so a
changed value does not make a translation outdated; a renamed bar does.
"""

from __future__ import annotations

import dataclasses
import hashlib

from ..model import Figure, Mapping
from .translations import CURRENT, HASH_LENGTH, MISSING, OUTDATED, normalise


def figure_hash(figure: Figure) -> str:
    """The hash of a figure's translatable words, as `source_hash` records it."""
    words = [figure.title, figure.caption, figure.source, figure.note, figure.unit]
    words += figure.labels()
    text = "\n".join(normalise(word or "") for word in words)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def figure_state(figure: Figure, lang: str) -> str:
    translation = figure.translations.get(lang)
    if translation is None:
        return MISSING
    return CURRENT if translation.source_hash == figure_hash(figure) else OUTDATED


def localized(figure: Figure, lang: str) -> Figure:
    """The figure with its words in `lang` where translated; the source figure otherwise."""
    translation = figure.translations.get(lang)
    if translation is None:
        return figure
    words = translation.labels

    def word(text: str) -> str:
        return words.get(text, text)

    chart = figure.chart
    if chart is not None:
        chart = dataclasses.replace(
            chart,
            axis=word(chart.axis),
            series=[word(s) for s in chart.series],
            categories=[word(c) for c in chart.categories],
        )
    mapping = figure.mapping
    if mapping is not None:
        mapping = Mapping(
            word(mapping.left_title),
            word(mapping.right_title),
            [word(i) for i in mapping.left],
            [word(i) for i in mapping.right],
            [(word(a), word(b)) for a, b in mapping.links],
        )
    return dataclasses.replace(
        figure,
        title=translation.title,
        caption=translation.caption or figure.caption,
        source=translation.source or figure.source,
        note=translation.note or figure.note,
        unit=translation.unit or figure.unit,
        chart=chart,
        steps=[
            dataclasses.replace(s, label=word(s.label), when=word(s.when), phase=word(s.phase))
            for s in figure.steps
        ],
        mapping=mapping,
        translations={},
    )


__all__ = ["CURRENT", "MISSING", "OUTDATED", "figure_hash", "figure_state", "localized"]
