"""Case meetings: the four-level review of a matter, its opinions and its decision.

A matter (a precedent in 草稿 or 研判中) has a history of reviews, one per
meeting, each at a level (村居 → 镇街 → 区 → 市). A review ends decided,
escalated to the next level, or returned for more information. A decision
becomes the precedent's measures, decision text and decision date.
"""
