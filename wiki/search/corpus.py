"""A synthetic wiki for measuring and testing search, and a fast way to write it.

Pages hold words drawn from a made-up vocabulary with Zipf-like frequencies (so some
words are on every page and some on a few), with the film's names sprinkled in.
"""

from ..models import Page, Revision, SearchDocument

FILM_PHRASES = [
    "hot air balloon",
    "Ye-sung",
    "Lee Yong-gu",
    "prison warden",
    "7번방의 선물",
    "7. Koğuştaki Mucize",
    "the inmates of Room 7",
    "a lawyer",
    "his daughter",
    "a Sailor Moon backpack",
    "the escape plan",
    "Miracle in Cell No. 7",
    "So Yang-ho",
]
SYLLABLES = [
    "ta",
    "mi",
    "ra",
    "ko",
    "lu",
    "be",
    "zu",
    "lo",
    "ne",
    "sa",
    "ki",
    "do",
    "pe",
]
WORDS_PER_PAGE = 120


def vocabulary(rng, size=20_000):
    """Made-up words from most to least common, and their Zipf weights.

    `tamira` is the most common (on every page), `zulobe` the rarest.
    """
    words = {"tamira", "zulobe"}
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ordered = ["tamira", *sorted(words - {"tamira", "zulobe"}), "zulobe"]
    return ordered, [1 / (rank + 1) for rank in range(len(ordered))]


def synthetic_body(rng, words, weights):
    """A page of WORDS_PER_PAGE words, with a film phrase or two now and then."""
    text = rng.choices(words, weights, k=WORDS_PER_PAGE)
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        text.insert(rng.randrange(len(text)), rng.choice(FILM_PHRASES))
    return " ".join(text) + "."


def insert_pages(texts):
    """Write a page `Page <n>` for each `n: text` of `texts`, in bulk.

    This skips the services (no Markdown rendering, no links) to fill a wiki fast, for
    measuring or testing how it is read; the search index is the real one.
    """
    pages = Page.objects.bulk_create(
        Page(title=f"Page {n}", slug=f"page-{n}") for n in texts
    )
    revisions = Revision.objects.bulk_create(
        Revision(
            page=page,
            number=1,
            body=text,
            size=len(text),
            size_change=len(text),
            html=text,
        )
        for page, text in zip(pages, texts.values(), strict=True)
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.current_revision = revision
    Page.objects.bulk_update(pages, ["current_revision"])
    SearchDocument.objects.bulk_create(
        SearchDocument.of(page, text)
        for page, text in zip(pages, texts.values(), strict=True)
    )
