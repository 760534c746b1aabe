"""The job index on disk: its schema, documents, generations, and the follower that keeps it equal to the database."""
