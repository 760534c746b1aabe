"""Pages of a listing: which page a request may see, and how many there are."""

from __future__ import annotations


def page_window(total: int, page: int, page_size: int) -> tuple[int, int]:
    """``(page, pages)``: the asked page kept between the first and the last (an empty list has one)."""
    pages = max(1, -(-total // page_size))
    return min(max(page, 1), pages), pages
