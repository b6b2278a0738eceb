"""The open data: the export validates against its published schema (and the schema
rejects a broken document), it holds what the site shows, marks what is made up, and
the CSV is safe in a spreadsheet. Planned directly, without a build
(test_open_data_site.py builds one)."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from datetime import date

import jsonschema
import pytest

from agreement import agree_on
from conftest import EXAMPLE, FIXTURES
from strategy_site.content.loader import load_strategy
from strategy_site.content.problems import ContentError
from strategy_site.derive.causes import passage_block
from strategy_site.derive.diff import parse_blocks
from strategy_site.plan.checked import load_publishable
from strategy_site.plan.export import open_data_files, schema_text
from strategy_site.plan.export.plain import plain_text
from strategy_site.plan.export.tables import INPUT_COLUMNS, inputs_csv

TODAY = date(2026, 1, 1)
SITE = "https://example.org/smart-specialisering/"
NOTICE = {"sv": "Det här är en rekonstruktion.", "en": "This is a reconstruction."}


def validator():
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def problems(document) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator().iter_errors(document)
    ]


def export(strategy, **kwargs) -> dict[str, bytes]:
    return dict(open_data_files(strategy, TODAY, **kwargs))


@pytest.fixture(scope="module")
def example():
    return load_publishable(EXAMPLE)


@pytest.fixture(scope="module")
def files(example):
    return export(example, site_url=SITE, notice=NOTICE)


@pytest.fixture(scope="module")
def document(files):
    return json.loads(files["data/strategy.json"])


def test_the_example_validates_against_the_published_schema(files, document):
    assert problems(document) == []
    assert json.loads(files["data/strategy.schema.json"]) == json.loads(schema_text())


@pytest.mark.parametrize("fixture", ["basic", "lineage", "figures", "content_format"])
def test_the_fixtures_validate_too(fixture):
    strategy = load_publishable(FIXTURES / fixture)
    document = json.loads(export(strategy)["data/strategy.json"])
    assert problems(document) == []
    assert document["site_url"] is None and document["notice"] is None


def test_the_schema_rejects_a_broken_document(document):
    broken = copy.deepcopy(document)
    del broken["versions"][0]["status"]
    broken["versions"][1]["date"]["certainty"] = "maybe"
    broken["inputs"][0]["items"][0]["decision"] = "yes"
    broken["versions"][2]["sections"][0]["surprise"] = True
    broken["build_date"] = "2026-13-45"
    found = problems(broken)
    assert "versions/0: 'status' is a required property" in found
    assert any(p.startswith("versions/1/date/certainty:") for p in found)
    assert any(p.startswith("inputs/0/items/0/decision:") for p in found)
    assert any(p.startswith("versions/2/sections/0:") and "surprise" in p for p in found)
    assert any(p.startswith("build_date:") for p in found)


def test_the_export_is_reproducible(example, files):
    again = export(example, site_url=SITE, notice=NOTICE)
    assert again == files
    text = files["data/strategy.json"].decode("utf-8")
    assert json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=1) + "\n" == text
    # The build date is the one date that is not the content's.
    later = export(example, site_url=SITE, notice=NOTICE)["data/strategy.json"]
    other_day = dict(open_data_files(example, date(2027, 2, 2), site_url=SITE, notice=NOTICE))
    assert other_day["data/strategy.json"].replace(b"2027-02-02", b"2026-01-01") == later


def test_versions_dates_and_decisions(document):
    assert [v["id"] for v in document["versions"]] == ["utkast", "remiss", "beslutad", "popular"]
    assert document["current"] == "beslutad"
    assert document["notice"] == NOTICE
    assert document["licence"]["name"] == {"sv": "CC0 1.0"}
    assert "exemplets val" in document["licence"]["note"]["sv"]
    remiss = document["versions"][1]
    assert remiss["status"] == "consultation" and remiss["based_on"] == "utkast"
    assert remiss["consultation"]["closes"] == {
        "date": "2020-05-31",
        "until": None,
        "certainty": "approximate",
        "note": {},
    }
    assert remiss["consultation"]["reference"] == "RUN/430/2018"
    adopted = document["versions"][2]
    assert adopted["date"]["certainty"] == "planned" and adopted["date"]["until"] == "2020-11-25"
    decision = adopted["decision"]
    assert decision["date"]["certainty"] == "planned"
    assert "inte bekräftat" in decision["date"]["note"]["sv"]
    assert decision["in_force"]["date"] == "2021-01-01"
    assert adopted["paths"] == {"sv": "beslutad/", "en": "en/beslutad/"}


def test_sections_have_their_texts_in_every_language(example, document):
    adopted = document["versions"][2]
    source = example.versions["beslutad"]
    assert [s["id"] for s in adopted["sections"]] == list(source.sections)
    for exported, section in zip(adopted["sections"], source.sections.values(), strict=True):
        assert exported["number"] == section.number
        assert exported["text"]["sv"]["markdown"] == section.body
        assert exported["text"]["sv"]["title"] == section.title
        assert exported["paths"]["en"] == f"en/beslutad/{section.id}/"
        translation = section.translations.get("en")
        if translation is not None:
            assert exported["text"]["en"]["markdown"] == translation.body
        else:
            assert "en" not in exported["text"]
            assert exported["translations"]["en"]["state"] == "missing"
    energy = next(s for s in adopted["sections"] if s["figures"])
    plain = energy["text"]["sv"]["plain"]
    assert "](" not in plain and "**" not in plain and "![[" not in plain


def test_figures_are_their_data(document):
    adopted = document["versions"][2]
    figures = {f["id"]: f for f in adopted["figures"]}
    process = figures["processen"]
    assert process["kind"] == "process"
    assert process["note"] == "Illustration, rekonstruerad i exemplet"
    assert {"planned", "unverified"} <= {step["status"] for step in process["steps"]}
    assert process["translations"]["en"]["state"] in ("current", "outdated")
    method = next(s for s in adopted["sections"] if "processen" in s["figures"])
    assert f"[{process['title']}]" in method["text"]["sv"]["plain"]


def test_changes_rebuild_both_texts(example, document):
    """Joined over a section's blocks, `old` and `new` are the two texts exactly."""
    checked = 0
    for comparison in document["comparisons"]:
        old_version = example.versions[comparison["based_on"]]
        new_version = example.versions[comparison["version"]]
        for change in comparison["sections"]:
            if change["blocks"] is None:
                continue
            old = "".join(b["old"] or "" for b in change["blocks"])
            new = "".join(b["new"] or "" for b in change["blocks"])
            if change["in_new_version"]:
                assert new == new_version.sections[change["section"]].body
            if len(change["old_ids"]) == 1:
                assert old == old_version.sections[change["old_ids"][0]].body
            # text moved in from another section counts as moved, not added (moves.py)
            added = sum(
                b["words_added"]
                for b in change["blocks"]
                if not (b["moved"] and b["moved"]["direction"] == "moved_in")
            )
            assert added == change["words_added"]
            for block in change["blocks"]:
                if block["status"] == "changed":
                    assert "".join(op["old"] for op in block["words"]) in block["old"]
                    assert "".join(op["new"] for op in block["words"]) in block["new"]
            checked += 1
    assert checked > 20


def test_lineage_says_what_became_of_each_section(document):
    links = document["lineage"]

    def link(from_=None, to=None):
        return [
            entry["kinds"]
            for entry in links
            if (from_ is None or entry["from"] == from_) and (to is None or entry["to"] == to)
        ]

    merged = {"version": "remiss", "section": "inledning"}
    assert link({"version": "utkast", "section": "bakgrund"}, merged) == [["merged", "changed"]]
    assert link(None, {"version": "remiss", "section": "lasanvisning"}) == [["added"]]
    removed = link({"version": "remiss", "section": "lasanvisning"}, None)
    assert removed == [["removed"]]
    popular = [e for e in links if e["to"] and e["to"]["version"] == "popular"]
    assert popular and all(e["kinds"] == ["summarises"] for e in popular)
    assert {e["from"]["version"] for e in popular} == {"beslutad"}


def test_inputs_say_where_each_decision_took_effect(example, document):
    inputs = {i["id"]: i for i in document["inputs"]}
    assert inputs["workshop-2019-12-11"]["illustrative"] == "handling"
    assert inputs["remissvar-en-kommun-i-lanet"]["illustrative"] == "all"
    assert all(i["illustrative"] in ("all", "handling") for i in document["inputs"])
    item = next(
        i
        for i in inputs["remissvar-en-kommun-i-lanet"]["items"]
        if i["id"] == "breda-prioriteringar"
    )
    effect = item["effect"]
    assert effect["version"] == "beslutad" and effect["passage"] == "De är breda med avsikt"
    body = example.versions["beslutad"].sections[effect["section"]].body
    block = parse_blocks(body)[effect["block"]]
    assert "De är breda med avsikt" in " ".join(block.text.split())
    assert effect["block"] == passage_block(body, effect["passage"])
    comparison = next(c for c in document["comparisons"] if c["version"] == "beslutad")
    change = next(s for s in comparison["sections"] if s["section"] == effect["section"])
    same = [b for b in change["blocks"] if b["new_index"] == effect["block"]]
    assert len(same) == 1 and "De är breda med avsikt" in " ".join(same[0]["new"].split())
    assert item["paths"]["sv"] == "remiss/inspel/#remissvar-en-kommun-i-lanet--breda-prioriteringar"


def test_translation_states(basic):
    (basic / "versions/v2/inledning.md").write_text(
        "---\ntitle: Inledning\n---\n\nEn ny mening som ingen har översatt.\n", encoding="utf-8"
    )
    strategy = load_strategy(basic)
    document = json.loads(export(strategy)["data/strategy.json"])
    v2 = next(v for v in document["versions"] if v["id"] == "v2")
    states = {s["id"]: s["translations"]["en"]["state"] for s in v2["sections"]}
    assert states["inledning"] == "outdated"
    assert states["skog"] == "current"
    assert states["uppfoljning"] == "missing"
    outdated = next(s for s in v2["sections"] if s["id"] == "inledning")
    assert outdated["translations"]["en"]["source_hash"] != outdated["source_hash"]
    assert problems(document) == []


PLAIN = """Text med *betoning*, [en länk](skog.md "titel") och `kod`.[^1] Ett \\* och &amp;.

## Rubrik {#egen}

- en
- två
    - inuti

1. första
2. andra

![[figur: karta]]

![Karta över länet](karta.png)

| Område | Styrka |
|---|---|
| Skog | Råvara |

```
rad ett
  rad två
```

---

[^1]: Fotnoten.
"""


def test_plain_text():
    assert plain_text(PLAIN, {"karta": "Länet *i* siffror"}.get) == (
        "Text med betoning, en länk och kod.[1] Ett * och &.\n\n"
        "Rubrik\n\n"
        "- en\n\n- två\n\n  - inuti\n\n"
        "1. första\n\n2. andra\n\n"
        "[Länet *i* siffror]\n\n"
        "Karta över länet\n\n"
        "Område | Styrka\n\nSkog | Råvara\n\n"
        "rad ett\n  rad två\n\n"
        "[1] Fotnoten."
    )


HOSTILE_INPUT = """kind: consultation-response
date: 2020-04-01
from: ["=cmd|' /C calc'!A0", "Företag; AB"]
about: v2
items:
  - id: formel
    text: "=HYPERLINK(\\"https://example.net\\", \\"klicka\\")"
    proposal: "+1 för förslaget"
    decision: noted
    response: "-2 är fel"
  - id: citat
    text: "Han sa \\"hej\\"; sedan\\nen ny rad, och @SUM(A1)"
    proposal: "@SUM(A1:A9)"
    decision: open
"""


def test_the_csv_is_safe_in_a_spreadsheet(basic):
    (basic / "inputs").mkdir()
    (basic / "inputs/remissvar-fientligt.yml").write_text(HOSTILE_INPUT, encoding="utf-8")
    text = inputs_csv(load_strategy(basic))
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert rows[0] == list(INPUT_COLUMNS)
    assert all(len(row) == len(INPUT_COLUMNS) for row in rows)
    cells = [dict(zip(INPUT_COLUMNS, row, strict=True)) for row in rows[1:]]
    first, second = cells
    assert first["input_from"] == "'=cmd|' /C calc'!A0; Företag; AB"
    assert first["text"] == '\'=HYPERLINK("https://example.net", "klicka")'
    assert first["proposal"] == "'+1 för förslaget"
    assert first["response"] == "'-2 är fel"
    assert second["text"] == 'Han sa "hej"; sedan\nen ny rad, och @SUM(A1)'  # not at the start
    assert second["proposal"] == "'@SUM(A1:A9)"
    for cell in (c for row in cells for c in row.values()):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_example_csv_has_every_item(example, files):
    text = files["data/inputs.csv"].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert len(rows) - 1 == sum(len(found.items) for found in example.inputs)
    illustrative = {row[INPUT_COLUMNS.index("input_illustrative")] for row in rows[1:]}
    assert illustrative == {"all", "handling"}


# -- the licence and the reserved address, as editors write them ------------------------


def with_strategy_yml(basic, extra: str):
    path = basic / "strategy.yml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_a_licence_is_read_from_strategy_yml(basic):
    with_strategy_yml(
        basic,
        "licence:\n  name: {sv: CC BY 4.0, en: CC BY 4.0}\n"
        "  url: https://creativecommons.org/licenses/by/4.0/\n",
    )
    licence = load_strategy(basic).licence
    assert licence is not None and licence.url.startswith("https://creativecommons.org/")
    assert licence.name == {"sv": "CC BY 4.0", "en": "CC BY 4.0"} and licence.note == {}


def test_licence_mistakes_are_reported_with_their_line(basic):
    with_strategy_yml(basic, "licence:\n  url: creativecommons.org\n  notes: x\n")
    with pytest.raises(ContentError) as caught:
        load_strategy(basic)
    report = caught.value.report()
    assert "strategy.yml:13: 'name' is missing" in report
    assert "strategy.yml:13: 'creativecommons.org' is not a web address" in report
    assert "strategy.yml:14: unknown key 'notes'" in report and "Did you mean 'note'?" in report
    assert "strategy/strategy.yml:13: 'name' is missing" in agree_on(basic)  # build agrees


def test_license_spelt_the_american_way_gets_a_hint(basic):
    with_strategy_yml(basic, "license:\n  name: CC0 1.0\n")
    with pytest.raises(ContentError) as caught:
        load_strategy(basic)
    assert "unknown key 'license'" in caught.value.report()
    assert "Did you mean 'licence'?" in caught.value.report()
    assert any("unknown key 'license'" in line for line in agree_on(basic))  # build agrees


def test_a_version_cannot_take_the_address_of_the_open_data(basic):
    shutil.move(basic / "versions/kort", basic / "versions/data")
    path = basic / "strategy.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[v1, v2, v3, kort]", "[v1, v2, v3, data]"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_strategy(basic)
    assert "'data' cannot be a version id: the site uses it for its own pages" in (
        caught.value.report()
    )
    reported = "\n".join(agree_on(basic))  # the build refuses it in the same words
    assert "'data' cannot be a version id" in reported


def test_the_data_page_states_the_licence_escaped(example, files):
    from strategy_site.mkdocs_plugin.flavour import MKDOCS_MATERIAL
    from strategy_site.model import Licence
    from strategy_site.plan.pages import PlannedFile, plan_site

    shared = [PlannedFile("", path, content) for path, content in files.items()]
    plan = plan_site(example, "sv", TODAY, flavour=MKDOCS_MATERIAL, site_url=SITE, shared=shared)
    page = next(p for p in plan.pages if p.kind == "data")
    assert page.path == "data/"
    assert (
        '<a href="https://creativecommons.org/publicdomain/zero/1.0/deed.sv" rel="license">'
        "CC0 1.0</a>" in page.markdown
    )
    assert "Licensen är exemplets val." in page.markdown
    hostile = Licence({"sv": "<script>x</script>"}, 'https://e.org/"><b>', {"sv": "<i>&"})
    example.licence, kept = hostile, example.licence
    try:
        plan = plan_site(example, "en", TODAY, flavour=MKDOCS_MATERIAL, shared=shared)
    finally:
        example.licence = kept
    page = next(p for p in plan.pages if p.kind == "data")
    assert "<script>" not in page.markdown and "<b>" not in page.markdown
    assert "&lt;script&gt;x&lt;/script&gt;" in page.markdown and "&lt;i&gt;&amp;" in page.markdown
    assert "feed.xml" not in page.markdown  # no site_url, no feed
