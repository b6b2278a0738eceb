"""Block parsing and block alignment."""

from __future__ import annotations

from diff_testing import LABELS, annotate, check_rendered, marks

from strategy_site.derive.diff import (
    CHANGED,
    EQUAL,
    INSERTED,
    diff_body,
    parse_blocks,
    render_markdown,
)
from strategy_site.derive.diff.blocks import (
    ADMONITION,
    FENCE,
    FOOTNOTE,
    HEADING,
    HTML,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_DELIM,
    TABLE_HEAD,
    TABLE_ROW,
)

DOC = """Inledande stycke
över två rader.

## Styrkeområden

- skogsnäring
- livsmedel
    - förädling
    - export
- turism

| Område | Mål |
|--------|-----|
| Skog | 10 % |
| Turism | 20 % |

!!! note "Att notera"
    Texten i rutan.

    - en punkt i rutan

> Ett citat
> som fortsätter.

```python
kod = "oförändrad"
```

Fotnot här.[^1]

[^1]: Källa: SCB
    fortsättning.

<div class="x">
rå html
</div>
"""


def test_blocks_cover_the_text_exactly():
    blocks = parse_blocks(DOC)
    assert "".join(b.text + b.sep for b in blocks) == DOC


def test_block_kinds():
    kinds = [b.kind for b in parse_blocks(DOC)]
    assert kinds == [
        PARAGRAPH,
        HEADING,
        LIST_ITEM,
        LIST_ITEM,
        LIST_ITEM,
        LIST_ITEM,
        LIST_ITEM,
        TABLE_HEAD,
        TABLE_DELIM,
        TABLE_ROW,
        TABLE_ROW,
        ADMONITION,
        PARAGRAPH,
        LIST_ITEM,
        PARAGRAPH,
        FENCE,
        PARAGRAPH,
        FOOTNOTE,
        HTML,
    ]


def test_nested_and_container_prefixes():
    blocks = parse_blocks(DOC)
    nested = blocks[4]
    assert nested.lines[0].prefix == "    - " and nested.lines[0].content == "förädling"
    in_box = blocks[12]
    assert in_box.container == "    " and in_box.lines[0].content == "Texten i rutan."
    quote = blocks[14]
    assert [line.content for line in quote.lines] == ["Ett citat", "som fortsätter."]
    assert quote.lines[1].prefix == "> "


def test_paragraph_continues_over_a_list_marker_like_python_markdown():
    blocks = parse_blocks("Text\n- inte en punkt\n\n- en punkt\n")
    assert [b.kind for b in blocks] == [PARAGRAPH, LIST_ITEM]


def test_setext_heading_and_rule():
    blocks = parse_blocks("Rubrik\n------\n\n---\n")
    assert [b.kind for b in blocks] == [HEADING, "rule"]


def test_inserted_paragraph_in_the_middle_is_one_block():
    old = "Första stycket.\n\nTredje stycket.\n\nFjärde stycket.\n"
    new = "Första stycket.\n\nEtt nytt andra stycke.\n\nTredje stycket.\n\nFjärde stycket.\n"
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [EQUAL, INSERTED, EQUAL, EQUAL]
    text = render_markdown(diff, LABELS)
    assert marks(text) == (["Ett nytt andra stycke."], [])
    assert diff.words_added == 4 and diff.words_removed == 0


def test_deleted_paragraph_stays_in_place():
    old = "Ett.\n\nTvå stycken.\n\nTre.\n"
    new = "Ett.\n\nTre.\n"
    text = annotate(old, new)
    assert text == 'Ett.\n\n<del><span class="sr-only">Removed: </span>Två stycken.</del>\n\nTre.\n'
    check_rendered(text)


def test_moved_numbering_of_ordered_list_is_not_a_change():
    old = "1. ett\n2. två\n"
    new = "1. noll\n2. ett\n3. två\n"
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [INSERTED, EQUAL, EQUAL]


def test_similar_blocks_in_a_gap_are_paired_in_order():
    old = "Alfa beta gamma delta.\n\nEpsilon zeta eta theta.\n"
    new = "Helt nytt stycke här.\n\nAlfa beta gamma delta epsilon.\n\nEpsilon zeta eta iota.\n"
    diff = diff_body(old, new)
    assert [b.status for b in diff] == [INSERTED, CHANGED, CHANGED]


def test_fences_are_blocks_only_where_they_are_blocks_on_the_site():
    # MkDocs always enables fenced_code, which takes a fence at the start of a line out
    # of the text before anything else: after paragraph text, across blank lines, and
    # whatever its lines look like (raw HTML, headings, list items).
    assert [b.kind for b in parse_blocks("Före.\n\n```\nkod\n```\n")] == [PARAGRAPH, FENCE]
    assert [b.kind for b in parse_blocks("Text\n```\nkod\n```\n")] == [PARAGRAPH, FENCE]
    assert [b.kind for b in parse_blocks("```\nett\n\ntvå\n```\n")] == [FENCE]
    fence = "```html\n<p><img src=x></p>\n\n# Rubrik\n- punkt\n```\n"
    assert [b.kind for b in parse_blocks("- lista\n" + fence + "Efter.\n")] == [
        LIST_ITEM,
        FENCE,
        PARAGRAPH,
    ]
    # Elsewhere a fence is a paragraph holding one code span, or text.
    assert FENCE not in [b.kind for b in parse_blocks("  ```\n<p>x</p>\n  ```\n")]
