"""The desktop program, ``precedent-desk``: the Qt user interface only.

Widgets stay thin: they call the domain API in `precedents` and `search_index`
and never hold a database session themselves.
"""
