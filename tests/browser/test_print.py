"""Printing a page from the browser (issue 17, print.css): a clean document, read in
chromium's print media on the first page of each kind of the sample, in each language (the
print rules are the same stylesheet on every page; the kinds differ in what they hold)."""

from __future__ import annotations

from .pages import first_of_each_kind
from .tabs import Step, run_in_tabs

# What print media shows of a page: the site's chrome must be gone, the text and the
# banner (compact, no tint) stay, changes are legible without colour.
PRINTED = """() => {
  const shown = el => el.getClientRects().length > 0;
  const chrome = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search",
                  ".st-versions", ".md-top", ".headerlink", ".st-change-nav"];
  const visibleChrome = chrome.filter(sel => [...document.querySelectorAll(sel)].some(shown));
  const banner = document.querySelector(".st-banner");
  const changes = [...document.querySelectorAll(".md-typeset ins, .md-typeset del")];
  const colouredChanges = changes.filter(el => {
    const style = getComputedStyle(el);
    const line = el.tagName === "INS" ? "underline" : "line-through";
    return !style.textDecorationLine.includes(line)
      || style.backgroundColor !== "rgba(0, 0, 0, 0)";
  }).length;
  const labels = [...document.querySelectorAll(
    ".md-typeset ins > .sr-only, .md-typeset del > .sr-only")];
  const hiddenLabels = labels.filter(el => el.getBoundingClientRect().width < 2).length;
  const external = [...document.querySelectorAll(
    ".md-typeset p a[href^='http'], .md-typeset li a[href^='http']")];
  const unmarked = external.filter(
    a => !getComputedStyle(a, "::after").content.includes("http")).length;
  const text = document.querySelector(".md-content");
  return {
    visibleChrome,
    banner: banner
      ? {shown: shown(banner), background: getComputedStyle(banner).backgroundColor}
      : null,
    changes: changes.length, colouredChanges, labels: labels.length, hiddenLabels,
    external: external.length, unmarked,
    text: text !== null && shown(text),
    notice: [...document.querySelectorAll(".md-banner .st-site-notice")].some(shown),
  };
}"""


def test_printing_a_page_gives_a_clean_document(
    browser, example_server, example_site, sample
) -> None:
    problems = []
    seen = {"changes": 0, "labels": 0, "external": 0}
    printed = run_in_tabs(
        browser,
        example_server,
        first_of_each_kind(example_site, sample),  # a search is not something one prints
        lambda entry: entry.path,
        [Step("() => null"), Step(PRINTED, lambda page: page.emulate_media(media="print"))],
        reset=lambda page: page.emulate_media(media="screen"),
    )
    for entry, (_, found) in printed:
        where = entry.label
        if found["visibleChrome"]:
            problems.append(f"{where}: prints {', '.join(found['visibleChrome'])}")
        if not found["text"]:
            problems.append(f"{where}: prints no text")
        if not found["notice"]:
            problems.append(f"{where}: leaves out the notice on every page")
        banner = found["banner"]
        tinted = banner is not None and banner["background"] != "rgba(0, 0, 0, 0)"
        if banner is not None and (not banner["shown"] or tinted):
            problems.append(f"{where}: the version's banner is missing or tinted: {banner}")
        if found["colouredChanges"]:
            problems.append(f"{where}: {found['colouredChanges']} changes rely on colour")
        if found["hiddenLabels"]:
            problems.append(f"{where}: {found['hiddenLabels']} change labels are not printed")
        if found["unmarked"]:
            problems.append(f"{where}: {found['unmarked']} links to other sites without address")
        for key in seen:
            seen[key] += found[key]
    assert not problems, "\n".join(problems)
    # The sample has changes views and links to other sites: the checks above ran.
    assert seen["changes"] and seen["labels"] and seen["external"], seen
