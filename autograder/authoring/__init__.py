"""Authoring: building the source notebooks (and their data) from text sources and solutions/."""
