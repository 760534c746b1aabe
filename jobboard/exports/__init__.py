"""Applicant lists out: streamed, formula-safe files that open cleanly in Excel in China."""
