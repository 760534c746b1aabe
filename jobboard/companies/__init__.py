"""Exhibiting firms: their bilingual profile, booth, and approval by fair staff."""
