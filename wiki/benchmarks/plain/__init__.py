"""The Django floor of `make bench-http`: a plain Django project, as `startproject`
makes it, that shows the bench's article through a base template and reads no
database, and a view that answers a fixed response."""
