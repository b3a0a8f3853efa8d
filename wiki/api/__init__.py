"""The wiki's read API (Django REST framework): pages, their revisions, recent changes
and search. Read only and the same for everyone: no authentication is read, so nothing
in an answer depends on who asks."""
