"""The whoosh search index and the search engine around it."""
from search import whoosh_fixes

whoosh_fixes.apply()
