"""Full-text search over public jobs: a Whoosh index derived from the database through an outbox."""
