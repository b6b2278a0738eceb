"""The editors' tools: the `strategi` command and the file edits it makes.

Stands on the loading stage and the derived facts; the site build never imports it.
"""
