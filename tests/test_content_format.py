"""The examples in content-format.md keep building: the format is a contract."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import FIXTURES, read
from strategy_site.content.loader import load_strategy


def test_examples_load_with_every_field() -> None:
    strategy = load_strategy(FIXTURES / "content_format")
    remiss = strategy.versions["remiss"]
    assert remiss.consultation is not None and remiss.consultation.reference == "RJH 2020/123"
    assert strategy.versions["beslutad"].decision.reference == "RJH 2020/123 § 45"
    assert remiss.sections["halsa-och-e-halsa"].replaces == ["halsa", "e-halsa"]
    assert remiss.sections["cirkular-bioekonomi"].number == "3.1"
    translation = strategy.versions["beslutad"].sections["cirkular-bioekonomi"].translations["en"]
    assert translation.source_hash == "9f2c41d07a3e"
    item = strategy.inputs[1].items[0]
    assert (item.decision, item.addressed_in, item.sources[0].title) == (
        "accepted",
        "beslutad",
        "OECD, The Bioeconomy to 2030",
    )


def test_examples_build_into_a_site(builder) -> None:
    site = builder.build(builder.project(FIXTURES / "content_format", docs={"om.md": "# Om\n"}))
    page = read(site, "remiss/cirkular-bioekonomi/")
    assert "Jämtland Härjedalen har en lång tradition av" in page
    items = [
        li.contents[0].strip() for li in BeautifulSoup(page, "html.parser").select("li.st-numbered")
    ]
    assert items == ["skogsnäring", "livsmedelsförädling"]
    assert (site / "popular/styrkeomraden/index.html").is_file()
