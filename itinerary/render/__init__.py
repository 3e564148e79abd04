"""Renderers: the model turned into things people read. Each imports rich only when called."""
