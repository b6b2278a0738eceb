"""Publish a public strategy through its versions as a static website.

The core (content model, loading and validation, diffs, translation status, inputs,
page planning) knows nothing of MkDocs; `strategy_site.mkdocs_plugin` adapts it.
"""
