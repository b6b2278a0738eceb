"""Every page parses as HTML5; our own markup is valid by the Nu Html Checker (vnu)."""

from __future__ import annotations

from collections import Counter

import pytest

from . import html_check
from .chromium import unavailable


def test_every_page_parses_without_html5_errors(example_site) -> None:
    errors = html_check.html5_parse_errors(example_site)
    assert not errors, f"{len(errors)} HTML5 parse errors:\n" + "\n".join(map(str, errors))


def test_no_page_has_an_empty_table_of_contents(example_site) -> None:
    """Every page of the example, hand-written ones and the 404 pages too."""
    assert html_check.empty_tocs(example_site) == []


@pytest.fixture(scope="session")
def java() -> str:
    found = html_check.java()
    if found is None:
        unavailable("Java (for the Nu Html Checker)", "Run scripts/test, which installs it.")
    return found


def test_vnu_is_the_pinned_version(java) -> None:
    assert html_check.vnu_version(java) == html_check.VNU_VERSION


def test_our_markup_is_valid_by_vnu(java, example_site, artifacts, capsys) -> None:
    messages = html_check.run_vnu(java, example_site)
    ours, theirs = html_check.split_ours(example_site, messages)
    report = artifacts / "vnu-report.txt"
    report.write_text(
        f"vnu {html_check.VNU_VERSION} on {example_site}\n\n"
        f"Inside our st- markup ({len(ours)}):\n"
        + "".join(f"{m}\n" for m in ours)
        + f"\nElsewhere: Material's markup, not failing ({len(theirs)}):\n"
        + "".join(f"{m}\n" for m in theirs),
        encoding="utf-8",
    )
    counts = Counter((m.kind, m.message) for m in theirs)
    with capsys.disabled():
        print(f"\nvnu: {len(theirs)} messages on Material's markup, not ours (not failing):")
        for (kind, text), count in counts.most_common():
            print(f"  {count:5} {kind}: {text[:110]}")
        print(f"vnu: {len(ours)} messages on our markup; full report in {report}")
    errors = [m for m in ours if m.kind in ("error", "checker")]
    assert not errors, f"{len(errors)} vnu errors in our markup:\n" + "\n".join(map(str, errors))
