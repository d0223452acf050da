"""One router per resource, mounted under /api/."""

from . import articles, entities, events, graph, quotes, record, search

ROUTERS = [search.router, articles.router, entities.router, quotes.router, events.router, graph.router, record.router]
