"""Repository functions over the database.

Every function takes a SQLAlchemy `Session` owned by the caller, who decides
when the unit of work commits (one transaction per user action). Functions speak
`PrecedentRecord`, never rows, to their callers.
"""
