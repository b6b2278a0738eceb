"""Browser tests: the built example site, served locally and visited in Debian's chromium.

Support modules (imported by the test modules):

- `site_build`: copies of a project (mkdocs.yml, strategy/, docs/) built in a fresh process
  with a fixed SOURCE_DATE_EPOCH.
- `site_server`: serves a built site on 127.0.0.1 from a thread.
- `chromium`: launches chromium through Playwright, opens pages, and skips or fails
  loudly when the browser (or Java) is missing.
- `pages`: THE sample of pages every browser test visits; extend it there.
- `axe`, `network`, `link_check`, `html_check`, `keyboard`: the checks, as functions
  that return findings, used by the real tests and by test_gates (which proves each check
  catches its problem on a deliberately broken site).

Run only these with `pytest tests/browser`, or skip them with `pytest -m "not browser"`.
Screenshots and the vnu report land in test-artifacts/ (git-ignored).
"""
