"""The structured data in the read API: films, characters, actors, remakes and
box-office figures, each linking to the others and to its page."""
