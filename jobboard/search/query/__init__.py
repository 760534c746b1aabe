"""From what a visitor typed to ranked, highlighted, faceted results."""
