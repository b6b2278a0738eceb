"""Figures on pages: drawing (svg), caption and data table (html), placing (place)."""
