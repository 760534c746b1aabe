"""Outgoing mail: a durable outbox written in the caller's transaction, delivered after commit."""
