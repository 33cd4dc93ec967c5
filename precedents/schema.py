"""Every table of the store: importing this registers all models on `Base.metadata`.

Alembic's environment and the schema tests import this module, so a model
module that is not listed here is a table the migrations never see.
"""

from __future__ import annotations

from precedents import models
from precedents.meetings import models as meeting_models
from precedents.patterns import models as pattern_models

metadata = models.Base.metadata

__all__ = ["meeting_models", "metadata", "models", "pattern_models"]
