"""Sheet uploads from the web: a pre-check (the CLI's dry run), then the confirmed import."""
