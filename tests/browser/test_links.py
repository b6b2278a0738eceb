"""Every internal link and fragment in the whole built site resolves. No browser."""

from __future__ import annotations

from . import link_check
from .pages import page_language


def test_every_internal_link_and_fragment_resolves(example_site, example_site_url) -> None:
    broken = link_check.check_links(example_site, example_site_url)
    assert not broken, link_check.report(broken)


def test_every_sample_page_exists(example_site, sample) -> None:
    missing = [
        entry.label
        for entry in sample
        if not (example_site / entry.path.lstrip("/") / "index.html").is_file()
    ]
    assert not missing, "sample pages the site does not have:\n" + "\n".join(missing)


def test_sample_covers_every_kind_of_page_in_every_language(example_site, sample) -> None:
    kinds: dict[str, set[str]] = {}
    for entry in sample:
        lang = page_language(example_site, entry.path)
        kinds.setdefault(lang, set()).add(entry.kind)
    assert len(kinds) >= 2, f"the sample has pages in {sorted(kinds)} only"
    for lang, found in kinds.items():
        missing = {"start", "version", "section", "docs", "search"} - found
        assert not missing, f"no {sorted(missing)} page in {lang!r} in the sample"
