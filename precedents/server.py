"""The office's PostgreSQL server: what its administrator runs once.

Two roles share the database. The owner role creates and upgrades the schema
(an administrator runs ``precedents --db-url …owner… init`` after installing a
new version). The officers' role, which every desktop uses, may read and write
records but not change the schema, and may only append to the audit trail:
`officer_grants` lists the statements that give it exactly that, and the README
prints them for the default names. A database trigger refuses changes to the
audit trail as well (migration 0004), so the REVOKE is the second lock, not
the only one.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _ident(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"not a plain PostgreSQL name: {name!r}")
    return name


def officer_grants(
    role: str = "precedents_app", owner: str = "precedents_owner", schema: str = "public"
) -> list[str]:
    """SQL that lets `role` work with the schema `owner` created, audit trail append-only."""
    role, owner, schema = _ident(role), _ident(owner), _ident(schema)
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {role};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT USAGE, SELECT ON SEQUENCES TO {role};",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.audit_events FROM {role};",
    ]
