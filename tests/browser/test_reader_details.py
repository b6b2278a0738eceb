"""What a reader meets in the browser: the 404 pages, search results that name their
version, untranslated titles marked with their language, translation states told apart
without colour (failing requests and headings: test_sample_visit.py)."""

from __future__ import annotations

import re

from .chromium import open_page
from .pages import SamplePage, show_search_results, visit


def test_an_unknown_address_gets_the_404_page_of_its_language(browser, example_server) -> None:
    problems = []
    with open_page(browser, example_server) as page:
        for path, lang, title in [
            ("/finns-inte/alls/", "sv", "Sidan finns inte"),
            ("/en/no/such/page/", "en", "Page not found"),
        ]:
            response = page.goto(path)
            found = (
                response.status,
                page.evaluate("document.documentElement.lang"),
                page.locator("article h1").inner_text(),
            )
            if found != (404, lang, title):
                problems.append(f"{path}: {found}")
            # Its stylesheets load (absolute links: a 404 page is served at any depth).
            if page.evaluate("getComputedStyle(document.body).display") != "flex":
                problems.append(f"{path}: Material's stylesheet did not load")
            # Its search opens Material's search on the language's own index.
            page.fill("#st-notfound-q", "bioekonomi" if lang == "sv" else "bioeconomy")
            with page.expect_navigation():
                page.press("#st-notfound-q", "Enter")
            results = page.locator(".md-search-result__item")
            results.first.wait_for(state="visible", timeout=10_000)
            first = results.first.locator("a").first.get_attribute("href") or ""
            if ("/en/" in first) != (lang == "en"):
                problems.append(f"{path}: the search found {first} for {lang!r}")
    assert not problems, "\n".join(problems)


def test_search_results_name_their_version_and_put_the_current_first(
    browser, example_server
) -> None:
    with open_page(browser, example_server) as page:
        visit(page, SamplePage("/", "start page, sv", "start"))
        show_search_results(page, "upphandling")
        # The first tag of each result that has one (hand-written pages have none).
        tags = page.locator(".md-search-result__item").evaluate_all(
            "items => items.map(i => i.querySelector('.md-tag')).filter(t => t)"
            ".map(t => t.textContent.trim())"
        )
        snippets = page.locator(".md-search-result__article").all_inner_texts()
    assert tags, "no search result names its version"
    assert tags[0].startswith("Beslutat program 2021–2027") and "Gällande" in tags[0], tags
    assert len(set(tags)) > 1, "results from several versions look alike"
    assert not [s for s in snippets if re.search(r"\d ¶\d", s)], "paragraph labels in snippets"


def test_english_pages_mark_swedish_titles(browser, example_server) -> None:
    with open_page(browser, example_server) as page:
        page.goto("/en/remiss/inledning/")
        marked = page.locator(".md-sidebar--primary [lang=sv]")
        assert marked.count() > 0
        first = marked.first
        assert first.is_visible()
        note = first.locator("xpath=following-sibling::span[1]").inner_text()
        assert note == "(in Swedish)"
        links = page.locator(".md-select__link")
        assert links.evaluate_all("ls => ls.map(l => l.lang)") == ["sv", "en"]


def test_inputs_filter_by_sender_hides_the_other_inputs_whole(browser, example_server) -> None:
    with open_page(browser, example_server) as page:
        page.goto("/remiss/inspel/")
        groups = page.locator("article ol.st-inputs[data-group]")
        total = groups.count()
        assert total > 2
        sender = page.locator("#st-filter-sender option").nth(1).inner_text()
        page.select_option("#st-filter-sender", label=sender)
        shown = page.locator("article ol.st-inputs[data-group]:visible")
        assert 1 <= shown.count() < total
        for i in range(shown.count()):
            group = shown.nth(i).get_attribute("data-group")
            heading = page.locator(f"article h2[data-group='{group}']")
            assert heading.is_visible()  # a group's heading shows with its items, ...
            items = shown.nth(i).locator("li.st-input-item:visible")
            for j in range(items.count()):
                assert sender in (items.nth(j).get_attribute("data-sender") or "")
        hidden = page.locator("article h2[data-group]:not(:visible)")
        assert hidden.count() == total - shown.count()  # ... and hides with them
        assert "av" in page.locator(".st-input-filter__status").inner_text()
        page.select_option("#st-filter-sender", value="")
        assert page.locator("article ol.st-inputs[data-group]:visible").count() == total


def test_the_adopted_versions_inputs_are_filtered_and_folded(browser, example_server) -> None:
    """beslutad/inspel/ lists only what shaped the version: the filter works there too,
    and each item opens from its decision and what was said."""
    with open_page(browser, example_server, width=360, height=740) as page:
        page.goto("/beslutad/inspel/")
        items = page.locator("article li.st-input-item")
        total = items.count()
        assert total > 10
        assert page.locator("form.st-input-filter").is_visible()
        assert page.locator("article li.st-input-item details[open]").count() == 0
        # The rarer of the decisions offered (on this page: what took effect).
        offered = page.locator("#st-filter-decision option").evaluate_all(
            "os => os.map(o => o.value).filter(v => v)"
        )
        counts = {
            d: items.evaluate_all(f"ls => ls.filter(l => l.dataset.decision === '{d}').length")
            for d in offered
        }
        rare = min(counts, key=counts.__getitem__)
        page.select_option("#st-filter-decision", value=rare)
        shown = page.locator("article li.st-input-item:visible")
        assert shown.count() == counts[rare] < total
        decisions = shown.evaluate_all("ls => ls.map(l => l.dataset.decision)")
        assert set(decisions) == {rare}
        status = page.locator(".st-input-filter__status").inner_text()
        assert status == f"Visar {shown.count()} av {total}"
        # A combination that leaves none hides the list's heading and lead too.
        sections = page.locator("#st-filter-section option")
        for i in range(1, sections.count()):
            page.select_option("#st-filter-section", index=i)
            if page.locator("article li.st-input-item:visible").count() == 0:
                assert not page.locator("#inspel-som-format").is_visible()
                break
        else:
            raise AssertionError(f"no section without a {rare!r} item to try")
        page.select_option("#st-filter-section", value="")
        page.select_option("#st-filter-decision", value="")
        assert page.locator("#inspel-som-format").is_visible()
        first = items.first
        first.locator("summary").click()
        assert first.locator(".st-outcome-item__from").is_visible()


def test_a_link_to_an_input_opens_it(browser, example_server) -> None:
    with open_page(browser, example_server) as page:
        page.goto("/remiss/inspel/")
        item = page.locator("li.st-input-item").first
        anchor = item.get_attribute("id")
        assert not item.locator("details").evaluate("d => d.open")
        page.goto(f"/remiss/inspel/#{anchor}")
        page.reload()
        opened = page.locator(f"[id='{anchor}'] details").evaluate("d => d.open")
        assert opened, "the item the address points to is not open"


def test_decisions_look_different_without_colour(browser, example_server) -> None:
    with open_page(browser, example_server) as page:
        page.goto("/remiss/inspel/")
        looks = page.locator(".st-decision").evaluate_all(
            "ds => ds.map(d => [d.className, d.querySelector('[aria-hidden]').textContent,"
            " getComputedStyle(d).borderTopStyle])"
        )
    by_kind = {cls: (sign, border) for cls, sign, border in looks}
    assert len(by_kind) >= 3
    assert len(set(by_kind.values())) == len(by_kind), by_kind


def test_the_sender_filter_shows_a_workshop_under_one_entry(browser, example_server) -> None:
    """A workshop is one sender, "Workshop", not its participants: choosing it shows the
    workshop whole, with its participants listed once."""
    with open_page(browser, example_server) as page:
        page.goto("/utkast/inspel/")
        options = page.locator("#st-filter-sender option")
        assert options.all_inner_texts()[1:] == ["Workshop"]
        page.select_option("#st-filter-sender", label="Workshop")
        assert page.locator("li.st-input-item:visible").count() == 9
        assert page.locator("div.st-workshop[data-group]").is_visible()
        assert "9 av 9" in page.locator(".st-input-filter__status").inner_text()


def test_translation_states_look_different_without_colour(browser, example_server) -> None:
    """On the translation status page an outdated row must stand out among the current
    and missing ones: each state has its own sign, border and colours, in both schemes."""
    for scheme in ("light", "dark"):
        with open_page(browser, example_server, color_scheme=scheme) as page:
            page.goto("/oversattning/")
            looks = page.locator("article td.st-state .st-state__badge").evaluate_all(
                "bs => bs.map(b => { const s = getComputedStyle(b); return ["
                " b.parentElement.className, b.querySelector('[aria-hidden]').textContent,"
                " s.borderTopStyle + ' ' + s.borderTopWidth, s.color, s.backgroundColor]; })"
            )
        by_state: dict[str, set[tuple[str, ...]]] = {}
        for cls, *look in looks:
            by_state.setdefault(cls, set()).add(tuple(look))
        # The example keeps one translation outdated on purpose (docs/om-exemplet.md).
        assert set(by_state) == {
            f"st-state st-state--{s}" for s in ("current", "outdated", "missing")
        }
        assert all(len(found) == 1 for found in by_state.values()), by_state
        kinds = [next(iter(found)) for found in by_state.values()]
        for part in range(4):  # the sign, the border, the text colour, the background
            assert len({look[part] for look in kinds}) == 3, (scheme, part, by_state)
