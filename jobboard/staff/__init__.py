"""The staff overview: the fair at a glance (its numbers, charts, and the page that shows them)."""
