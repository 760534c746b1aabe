"""Applications: a job seeker's resume sent, with consent, to one firm, and that firm's pipeline."""
