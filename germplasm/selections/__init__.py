"""Selections: sets of accessions a user gathers from searches, pages and screening, kept
in the session for anonymous visitors, saved and named for signed-in users, shared by link,
and taken by compare, the calendar, exports, the map and screening (`selection=TOKEN`)."""
