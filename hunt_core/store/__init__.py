"""The one place SQL lives: the database (DuckDB file or PostgreSQL), migrations, owner queries.

backends: what differs between a file and PostgreSQL; transactions: all or nothing with retries;
migrations: the numbered schema; owner: one user's Store; cohorts: the roster and leaderboards;
bulk: many rows at once; database: opening it all.
"""

from hunt_core.names import name_key
from hunt_core.store.cohorts import Cohorts
from hunt_core.store.database import Database, checkpoint, default_path
from hunt_core.store.owner import LOCAL_USER, Store
from hunt_core.store.transactions import Duplicate

__all__ = [
    "LOCAL_USER",
    "Cohorts",
    "Database",
    "Duplicate",
    "Store",
    "checkpoint",
    "default_path",
    "name_key",
]
