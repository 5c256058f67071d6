"""Paragraph roles: title, body, sidebar, boilerplate. (First version: title and body.)"""

from __future__ import annotations

from vigie.schema import Paragraph


def assign_roles(text: str, paragraphs: list[Paragraph], language: str) -> None:
    """Set ``role`` on each paragraph in place; may split trailing boilerplate off a paragraph."""
