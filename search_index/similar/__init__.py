"""Similar precedents with reasons (类案检索): features, scoring, explanation and the index.

Public entry points:

* `SimilarityIndex` – build, query, keep up to date (`upsert`/`delete`/`reset`/`flush`)
  and persist the index;
* `SimilarHit` and `Reason` – what a query returns;
* `SimilaritySettings` – editable attribute weights, taxonomy credit and the 低保 line;
* `CLOSE_THRESHOLD` – the calibrated score at and above which a hit is a close precedent;
* `SimilarityIndexUnusable` – raised when a saved index must be rebuilt.
"""

from search_index.similar.features import FeatureExtractor, Features
from search_index.similar.hits import CLOSE_THRESHOLD, Coverage, Reason, SimilarHit
from search_index.similar.index import SimilarityIndex
from search_index.similar.settings import (
    AttributeWeights,
    SettingsInvalid,
    SimilaritySettings,
    TaxonomyCredit,
)
from search_index.similar.storage import SimilarityIndexUnusable

__all__ = [
    "CLOSE_THRESHOLD",
    "AttributeWeights",
    "Coverage",
    "FeatureExtractor",
    "Features",
    "Reason",
    "SettingsInvalid",
    "SimilarHit",
    "SimilarityIndex",
    "SimilarityIndexUnusable",
    "SimilaritySettings",
    "TaxonomyCredit",
]
