"""The package depends one way (STYLE.md §5): no import cycle among newsgraph's modules, nor among
its folders (subpackages, each top-level module counting as one).

Imports are read with `ast`, those inside functions included, since a lazy import is still a
dependency; those under `if TYPE_CHECKING:` are not (they name a type for annotations and never run). A package's `__init__` may import its own modules (`cli` registers its commands so)
while they import names from it; that is the one loop allowed.

The layers, each importing only from those before it (top-level modules in lower case with `.py`):
  doc.py, errors.py, wording.py, inference.py → nlp.py, jsonl.py, budget.py, render.py, explain.py
  → kb/ → stages/ → choices.py, pipeline.py → runner.py → distributed.py → engines.py, shards.py
  → store/ (tables, writes as given, queries, export)
  → record/ (event instances, groups, corrections applied on every write: `record.fixes.save_corrected`)
  → ingest/ (readers, and `batch.py`, the driver that reads, analyses, stores and refreshes the record)
  → evaluate/, api/ (JSON routers) → web/ (pages over the API's reads) → app.py (mounts both) → cli/
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent / "src" / "newsgraph"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, name: str, is_package: bool) -> set[str]:
    """The newsgraph modules (or names in them) that module NAME's SOURCE imports, relative imports resolved."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    tree = ast.parse(source)
    for block in [n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test).endswith("TYPE_CHECKING")]:
        block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsgraph")}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            if module.startswith("newsgraph"):
                found |= {module} | {f"{module}.{a.name}" for a in node.names}
    return found


def dependencies() -> dict[str, set[str]]:
    """Module → the newsgraph modules it imports, less its own packages (see the module docstring)."""
    paths = {module_name(p): p for p in ROOT.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        found = imported(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
        graph[name] = {m for m in found if m in paths and m != name and not name.startswith(m + ".")}
    return graph


def folder(module: str) -> str:
    """The folder a module belongs to: `newsgraph.store.write` → `newsgraph.store`; a top-level module is its own."""
    return ".".join(module.split(".")[:2])


def folder_dependencies(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Folder → the other folders its modules import, from a module graph."""
    edges: dict[str, set[str]] = {}
    for name, imports in graph.items():
        edges.setdefault(folder(name), set()).update(folder(m) for m in imports if folder(m) != folder(name))
    return edges


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the directed graph EDGES, as its nodes with the first repeated at the end, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for after in sorted(edges.get(node, ())):
            if state.get(after) == "open":
                return stack[stack.index(after):] + [after]
            if after not in state and (found := visit(after)):
                return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_among_newsgraph_modules():
    assert cycle(dependencies()) is None


def test_relative_and_lazy_imports_are_followed():
    graph = dependencies()
    assert "newsgraph.cli.options" in graph["newsgraph.cli.record"]  # from .options import …
    assert "newsgraph.distributed" in graph["newsgraph.engines"]  # imported inside a function
    assert "newsgraph.cli" not in graph["newsgraph.cli.store"]  # its own package


def test_the_cycle_finder_finds_the_cycle_the_issue_named():
    source = {"newsgraph.cli.record": "from .store import show", "newsgraph.cli.store": "def f():\n    from .record import x"}
    graph = {name: imported(text, name, False) & set(source) for name, text in source.items()}
    assert cycle(graph) == ["newsgraph.cli.record", "newsgraph.cli.store", "newsgraph.cli.record"]


def test_no_import_cycle_among_newsgraph_folders():
    assert cycle(folder_dependencies(dependencies())) is None


def test_the_folder_graph_finds_the_cycle_of_the_old_app_factory():
    """`api/app.py` mounted the pages, which import the API: a cycle of folders, not of modules."""
    graph = {"newsgraph.api.app": {"newsgraph.web"}, "newsgraph.web.pages": {"newsgraph.api.deps"},
             "newsgraph.api.deps": set(), "newsgraph.web": set()}
    assert cycle(folder_dependencies(graph)) == ["newsgraph.api", "newsgraph.web", "newsgraph.api"]
    assert folder_dependencies({"newsgraph.store.write": {"newsgraph.store.db", "newsgraph.doc"}}) == {
        "newsgraph.store": {"newsgraph.doc"}}


def test_the_ingest_driver_and_the_app_sit_above_what_they_join():
    folders = folder_dependencies(dependencies())
    assert {"newsgraph.store", "newsgraph.record"} <= folders["newsgraph.ingest"]
    assert {"newsgraph.api", "newsgraph.web"} <= folders["newsgraph.app"]
    assert not {"newsgraph.ingest", "newsgraph.record"} & folders["newsgraph.store"]
    assert "newsgraph.web" not in folders["newsgraph.api"]
