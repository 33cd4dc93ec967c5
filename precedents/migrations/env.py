"""Alembic environment: runs migrations on the engine the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from precedents.schema import metadata

target_metadata = metadata


def run_migrations_online() -> None:
    engine: Engine | None = context.config.attributes.get("engine")
    if engine is None:
        from precedents.db import open_engine

        url = context.config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no database to migrate: pass an engine or sqlalchemy.url")
        engine = open_engine(url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
