"""One record of the world: events across articles, groups as actors, corrections that last.

`instances` clusters article-level events into event instances with all their source
reports; `groups` keeps who belonged to which group when; `corrections` holds what a
person fixed, re-applied every time an article is analysed again (docs/record.md).
"""
