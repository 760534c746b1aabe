"""Demo data for the talent fair (光电尖端人才招聘会): fictional firms, postings and accounts."""
