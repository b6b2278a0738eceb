"""Keyboard use: Tab to a control, and check that its focus can be seen."""

from __future__ import annotations

from playwright.sync_api import Page

# How the focused element shows its focus: a non-none outline or box-shadow.
FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {what: "nothing", indicator: null};
  const s = getComputedStyle(el);
  const what = el.tagName.toLowerCase() + " " + JSON.stringify(el.textContent.trim().slice(0, 40));
  const seen = c => c && c !== "transparent" && !/rgba\\(.*,\\s*0\\)$/.test(c);
  if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && seen(s.outlineColor))
    return {what, indicator: `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`};
  if (s.boxShadow && s.boxShadow !== "none") return {what, indicator: `box-shadow ${s.boxShadow}`};
  return {what, indicator: null};
}"""


def tab_to(page: Page, selector: str, limit: int = 400) -> bool:
    """Press Tab until the focused element matches `selector`; False if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return True
    return False


def focus_problem(page: Page, where: str) -> str | None:
    found = page.evaluate(FOCUS_STYLE)
    if found["indicator"] is None:
        return f"{where}: no visible focus indicator (outline or box-shadow) on {found['what']}"
    return None
