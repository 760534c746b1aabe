"""The audit trail: who did what to which record, kept for the fair's records and read by staff."""
