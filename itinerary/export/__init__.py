"""Exporters: the model written out in formats other programs read (calendars, ...)."""
