"""HTTP plumbing shared by every domain's controllers: locale, templates, forms, errors."""
