"""Infrastructure every domain shares: settings, database, state machines, audit, i18n, web helpers."""
