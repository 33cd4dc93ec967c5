"""Recurring patterns among precedents, and the general policies drafted from them.

The package is read through its modules, so that importing the schema (which
registers `precedents.patterns.models`) does not load the miner:

* `mining` — `mine_patterns(records, settings)`: records in, patterns out (pure);
* `curation` — `refresh_patterns(session, records)` and the officers' actions
  (confirm, rename, merge, split, exclude), kept in the database;
* `drafting` — `draft_policy(pattern, records, mask)`: an editable policy draft;
* `registry` — the life of a policy, its coverage and `covering_policies`;
* `settings` — `MiningSettings` and where the library keeps them.
"""
