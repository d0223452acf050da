"""Bringing the record up to date with the store after articles were written."""

from __future__ import annotations

from ..store.db import Store
from .groups import sync_groups
from .instances import refresh_instances


def refresh_record(store: Store) -> int:
    """Sync the KB's group memberships and re-cluster every event instance; returns the instances."""
    sync_groups(store)
    return refresh_instances(store)
