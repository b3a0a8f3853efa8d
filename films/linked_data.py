"""The film, its remakes, actors and characters as schema.org linked data (JSON-LD).

Drawn from the models, never kept by hand, from the same fetch as the infobox (see
films.extension). Every address is absolute, from WIKI_BASE_URL.
"""

from wiki.metadata import absolute_url

CONTEXT = "https://schema.org"


def _ref(subject, kind):
    """A node naming a subject of the wiki by its page."""
    url = absolute_url(subject.get_absolute_url())
    return {
        "@type": kind,
        "@id": f"{url}#{kind.lower()}",
        "name": str(subject),
        "url": url,
    }


def _person(actor):
    return _ref(actor, "Person")


def _role(role, *, with_actor=True):
    """Who plays whom: schema.org's PerformanceRole wrapping a Person."""
    node = {"@type": "PerformanceRole", "characterName": role.character.name}
    if role.note:
        node["roleName"] = role.note
    if with_actor:
        node["actor"] = _person(role.actor)
    return node


def _cast_member(star):
    """An actor of a remake: in their role where it is known, else as a Person."""
    if not star.local_name:
        return _person(star.actor)
    return {
        "@type": "PerformanceRole",
        "characterName": star.local_name,
        "actor": _person(star.actor),
    }


def _without_blanks(node):
    return {key: value for key, value in node.items() if value not in ("", None, [])}


def film_data(film):
    """The film as a Movie: its titles, origin, cast in their roles, its links."""
    return _without_blanks(
        {
            "@context": CONTEXT,
            **_ref(film, "Movie"),
            "name": film.title,
            "alternateName": [
                title for title in (film.original_title, film.romanized_title) if title
            ],
            "dateCreated": str(film.year),
            "datePublished": str(film.year),
            "countryOfOrigin": {"@type": "Country", "name": film.country},
            "inLanguage": film.language,
            "genre": film.genre,
            "description": film.logline,
            "actor": [_role(role) for role in film.roles.all()],
            "sameAs": [link.url for link in film.external_links.all() if link.url],
        }
    )


def remake_data(remake):
    """A remake as a Movie based on the original."""
    return _without_blanks(
        {
            "@context": CONTEXT,
            **_ref(remake, "Movie"),
            "name": remake.title or remake.page_title,
            "alternateName": remake.original_title,
            "datePublished": str(remake.year) if remake.year else "",
            "countryOfOrigin": {"@type": "Country", "name": remake.country},
            "inLanguage": remake.language,
            "director": remake.director
            and {"@type": "Person", "name": remake.director},
            "productionCompany": remake.studio
            and {"@type": "Organization", "name": remake.studio},
            "actor": [_cast_member(star) for star in remake.stars.all()],
            "isBasedOn": _ref(remake.original, "Movie"),
        }
    )


def actor_data(actor):
    """An actor as a Person, with the films they play in and their roles there."""
    person = _person(actor)
    films = [
        {
            **_ref(role.film, "Movie"),
            "actor": {**_role(role, with_actor=False), "actor": {"@id": person["@id"]}},
        }
        for role in actor.roles.all()
    ]
    remakes = [
        {**_ref(star.remake, "Movie"), "actor": {"@id": person["@id"]}}
        for star in actor.remake_stars.all()
    ]
    return {"@context": CONTEXT, "@graph": [person, *films, *remakes]}


def character_data(character):
    """A character within its film: the film's roles that play them."""
    return {
        "@context": CONTEXT,
        **_ref(character.film, "Movie"),
        "actor": [_role(role) for role in character.roles.all()],
    }
