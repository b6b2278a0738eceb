"""The MkDocs adapter: turns the core's site plan into MkDocs pages and navigation."""
