"""Section 55 responses arrive with the next piece of work (issue 3); the app is registered now so
that its URL space and migrations have a home."""
