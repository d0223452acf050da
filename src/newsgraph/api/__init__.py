"""The REST API: `create_app(store, token=None)` serves it under /api/ together with the pages (docs/web.md)."""
