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
    total: int | None
    here: URL
    param: str = "offset"

    @classmethod
    def of(cls, page: Any, here: URL, param: str = "offset") -> PageView:
        return cls(page.items, page.limit, page.offset, page.total, here, param)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def more(self) -> bool:
        if self.total is not None:
            return self.offset + self.count < self.total
        return self.count == self.limit

    def url(self, offset: int) -> str:
        target = self.here.include_query_params(**{self.param: max(offset, 0)})
        return f"{target.path}?{target.query}"
