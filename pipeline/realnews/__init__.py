"""The real-news development set: gold facts per article, a cache of the texts, and the scorer.

Third-party article texts are never committed. Each article is a JSON file of
gold facts (``realnews/articles/<id>.json``) that also records where the text
comes from (url, the search query and rank that find it, its sha256); the texts
live in a git-ignored cache (``realnews/.cache/<id>.txt``) that
``realnews/README.md`` explains how to restore.
"""
