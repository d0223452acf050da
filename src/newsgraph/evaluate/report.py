"""Rich tables for evaluation results, with the command line that produced them."""

from __future__ import annotations

from rich.table import Table

from .ner import TYPES, NerScores


def ner_table(title: str, results: dict[str, NerScores]) -> Table:
    """One row per measure and type; precision/recall/F1 columns per system, side by side."""
    table = Table(caption=title, caption_justify="left")
    table.add_column("measure")
    table.add_column("type")
    for system in results:
        for name in ("P", "R", "F1"):
            table.add_column(f"{system} {name}", justify="right")
    for measure in ("strict", "token"):
        for type in TYPES:
            cells = []
            for scores in results.values():
                counts = getattr(scores, measure)[type]
                cells += [f"{100 * counts.precision:.1f}", f"{100 * counts.recall:.1f}", f"{100 * counts.f1:.1f}"]
            table.add_row(measure, type, *cells)
    return table
