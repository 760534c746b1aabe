"""Job openings: the structured posting form, moderation and the public/hidden rule."""
