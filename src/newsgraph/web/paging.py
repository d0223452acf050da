"""A page of results as the templates need it: the items plus links to the pages around it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import URL


@dataclass(frozen=True)
class PageView:
    items: list[Any]
    limit: int
    offset: int
    more: bool
    here: URL
    param: str = "offset"

    @classmethod
    def of(cls, page: dict[str, Any], here: URL, param: str = "offset") -> PageView:
        """From `api.deps.paged`'s dict; `param` names the offset in the URL (two lists may share a page)."""
        return cls(page["items"], page["limit"], page["offset"], page["more"], here, param)

    @property
    def count(self) -> int:
        return len(self.items)

    def url(self, offset: int) -> str:
        target = self.here.include_query_params(**{self.param: max(offset, 0)})
        return f"{target.path}?{target.query}"
