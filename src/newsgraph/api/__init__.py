"""The REST API, a router per resource; `newsgraph.app.create_app(store, token=None)` serves it under /api/ together with the pages (docs/web.md)."""
