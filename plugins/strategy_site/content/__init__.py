"""Stage 1: reading and checking the content files.

Turns `strategy/` into the model (`..model`), collecting every problem with
`path:line` and a hint (`problems.py`). Imports only the ground floor.
"""
