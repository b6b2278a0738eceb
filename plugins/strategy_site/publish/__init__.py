"""Outputs made from the rendered pages: a version's printable document and its PDF.

The stage after the page plan: it reads the HTML the engine rendered from the plan's
pages (so that a printed section has the numbers, footnotes and figures of the site)
and never the engine itself. Only the adapter imports it.
"""
