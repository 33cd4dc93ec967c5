"""The 规律与政策 screen: mined patterns, their curation, policy drafts and the registry.

`page.PatternsPage` is the screen; `operations` holds its Qt-free use cases.
"""
