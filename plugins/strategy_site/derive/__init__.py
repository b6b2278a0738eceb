"""Stage 2: facts derived from the model.

What changed between versions (`diff/`, `comparisons.py`), the same section across
versions (`../lineage.py`), translation states (`translations.py`) and where each input took
effect (`inputs.py`). Pure functions of the model; imports only the ground floor.
"""
