"""People who sign in: job seekers, employers (members of one company) and fair staff."""
