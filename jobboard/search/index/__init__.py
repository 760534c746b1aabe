"""The job index on disk: schema, documents, generations, and the follower that keeps it in step."""
