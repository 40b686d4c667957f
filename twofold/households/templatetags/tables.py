"""Formatting for tables: no queries and no decisions in templates."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

register = template.Library()


@register.filter
def labelled(cells: Iterable[object], labels: Iterable[object]) -> list[tuple[object, object]]:
    """Each cell with its column's name, for a table that becomes a stack of labelled lines on a phone:
    `{% for label, cell in row.cells|labelled:labels %}<td data-label="{{ label }}">`. A cell past the
    last name gets an empty label."""
    names = list(labels)
    return [(names[i] if i < len(names) else "", cell) for i, cell in enumerate(cells)]
