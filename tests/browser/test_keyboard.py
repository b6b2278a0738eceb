"""The site's controls work with Tab and Enter alone, with a visible focus indicator.

- The version selector: a <details> in nav.st-versions on every page of a version.
- The language selector: Material's language switcher in the header.
"""

from __future__ import annotations

from playwright.sync_api import Page

from .chromium import open_page
from .keyboard import focus_problem, tab_to
from .pages import SamplePage, first_of_each_kind, wait_until

SELECTOR = "nav.st-versions"
LANGUAGE_BUTTON = ".md-header .md-select > button"
LANGUAGE_LINK = ".md-header .md-select__link"


def check_version_selector(page: Page, entry: SamplePage) -> list[str]:
    """The skip link, then Tab to the selector, Enter opens it, Tab reaches its links,
    Enter follows one."""
    where = entry.label
    page.goto(entry.path)
    # As a keyboard user would: the skip link first, past the header and the menu.
    page.keyboard.press("Tab")
    if not page.evaluate("!!document.activeElement?.matches('a.md-skip')"):
        return [f"{where}: the first Tab does not reach the skip link"]
    page.keyboard.press("Enter")
    if not tab_to(page, f"{SELECTOR} summary", limit=40):
        return [f"{where}: Tab from the skip link's target never reaches the version selector"]
    problems = [p for p in [focus_problem(page, f"{where}, selector")] if p]
    page.keyboard.press("Enter")
    if not page.evaluate(f"document.querySelector('{SELECTOR} details').open"):
        return [*problems, f"{where}: Enter on the selector does not open it"]
    page.keyboard.press("Tab")
    if not page.evaluate(f"!!document.activeElement?.matches('{SELECTOR} ul a')"):
        return [*problems, f"{where}: the first Tab after opening leaves the selector's list"]
    if not tab_to(page, f"{SELECTOR} a:not([aria-current])", limit=20):
        return [*problems, f"{where}: Tab reaches no link to another version"]
    problem = focus_problem(page, f"{where}, link in the selector")
    if problem:
        problems.append(problem)
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if page.url != target:
        problems.append(f"{where}: Enter on the link to {target} went to {page.url}")
    return problems


def test_version_selector_works_with_the_keyboard(
    browser, example_server, example_site, sample
) -> None:
    pages = first_of_each_kind(
        example_site,
        [
            entry
            for entry in sample
            if 'class="st-versions"'
            in (example_site / entry.path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        ],
    )
    assert len(pages) > 4, f"too few sample pages with a version selector: {pages}"
    problems: list[str] = []
    with open_page(browser, example_server) as page:
        for entry in pages:
            problems += check_version_selector(page, entry)
    assert not problems, "\n".join(problems)


def check_language_selector(page: Page, entry: SamplePage) -> list[str]:
    """Tab to the switcher, Tab to another language, Enter goes to the same page there.

    Every language the page's switcher offers, other than the page's own, is tried."""
    where = entry.label
    page.goto(entry.path)
    own = page.evaluate("document.documentElement.lang")
    others = [
        lang
        for lang in page.eval_on_selector_all(LANGUAGE_LINK, "links => links.map(a => a.hreflang)")
        if lang != own
    ]
    if not others:
        return [f"{where}: the language selector offers no other language"]
    problems: list[str] = []
    for to_lang in others:
        page.goto(entry.path)
        if not tab_to(page, LANGUAGE_BUTTON):
            return [*problems, f"{where}: Tab never reaches the language selector"]
        problem = focus_problem(page, f"{where}, language selector")
        if problem:
            problems.append(problem)
        if not tab_to(page, f"{LANGUAGE_LINK}[hreflang='{to_lang}']", limit=10):
            problems.append(f"{where}: Tab reaches no link to language {to_lang!r}")
            continue
        if not page.locator(f"{LANGUAGE_LINK}[hreflang='{to_lang}']").is_visible():
            problems.append(f"{where}: the focused link to {to_lang!r} is not visible")
        problem = focus_problem(page, f"{where}, link to {to_lang!r}")
        if problem:
            problems.append(problem)
        target = page.evaluate("document.activeElement.href")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if page.url != target:
            problems.append(f"{where}: Enter on the link to {target} went to {page.url}")
        lang = page.evaluate("document.documentElement.lang")
        if lang != to_lang:
            problems.append(f"{where}: the page reached in {to_lang!r} says lang={lang!r}")
    return problems


def test_language_selector_works_with_the_keyboard(
    browser, example_server, example_site, sample
) -> None:
    pages = first_of_each_kind(example_site, sample)  # the switcher is Material's
    problems: list[str] = []
    with open_page(browser, example_server) as page:
        for entry in pages:
            problems += check_language_selector(page, entry)
    assert not problems, "\n".join(problems)


def test_changes_toggle_works_with_the_keyboard(browser, example_server) -> None:
    """Tab to "Visa ändringar", Enter shows the highlighted view; "Dölj ändringar" back."""
    problems: list[str] = []
    with open_page(browser, example_server) as page:
        for path in ("/beslutad/inledning/", "/en/beslutad/inledning/"):
            page.goto(path)
            if not tab_to(page, ".st-changes-toggle a"):
                problems.append(f"{path}: Tab never reaches the changes toggle")
                continue
            problems += [p for p in [focus_problem(page, f"{path}, changes toggle")] if p]
            with page.expect_navigation():
                page.keyboard.press("Enter")
            if not page.url.endswith(f"{path}andringar/"):
                problems.append(f"{path}: Enter on the toggle went to {page.url}")
                continue
            if page.locator("article ins").count() == 0:
                problems.append(f"{page.url}: the highlighted view marks no insertion")
            if not tab_to(page, ".st-changes-toggle a"):
                problems.append(f"{page.url}: Tab never reaches the toggle back")
                continue
            with page.expect_navigation():
                page.keyboard.press("Enter")
            if not page.url.endswith(path):
                problems.append(f"{path}: the toggle back went to {page.url}")
    assert not problems, "\n".join(problems)


def test_paragraph_links_can_be_reached_and_followed(browser, example_server) -> None:
    """Tab to a paragraph's link: it has a focus indicator, and Enter gives the address
    of that paragraph. (That the links show without hover or focus, at a size that can
    be hit, is test_small_screens' test_paragraph_links_are_shown_and_big_enough.)"""
    problems: list[str] = []
    with open_page(browser, example_server) as page:
        for path in ("/beslutad/inledning/", "/en/beslutad/inledning/"):
            page.goto(path)
            if not tab_to(page, "article .st-para-link"):
                problems.append(f"{path}: Tab never reaches a paragraph link")
                continue
            problems += [p for p in [focus_problem(page, f"{path}, paragraph link")] if p]
            href = page.evaluate("document.activeElement.getAttribute('href')")
            page.keyboard.press("Enter")
            wait_until(page, "h => location.hash === h", href)
            if not page.evaluate("h => !!document.querySelector(h + ':target')", href):
                problems.append(f"{path}: {href} does not target its paragraph")
    assert not problems, "\n".join(problems)
