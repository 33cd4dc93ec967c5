"""Full-text search, Chinese analysis and similarity over the precedent store.

This package never imports Qt. The index is a cache of the database: it can be
deleted at any time and is rebuilt from the database.
"""
