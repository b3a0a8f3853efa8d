from dataclasses import dataclass


@dataclass(frozen=True)
class Ranking:
    """Page ids best first (title matches, then text matches); were any left out?"""

    page_ids: list
    title_ids: frozenset
    truncated: bool

    @classmethod
    def merge(cls, title_ids, text_ids, truncated):
        titles = frozenset(title_ids)
        page_ids = list(title_ids) + [pk for pk in text_ids if pk not in titles]
        return cls(page_ids=page_ids, title_ids=titles, truncated=truncated)

    def without(self, page_ids):
        """The same ranking with `page_ids` left out."""
        if not page_ids:
            return self
        return Ranking(
            page_ids=[pk for pk in self.page_ids if pk not in page_ids],
            title_ids=self.title_ids - page_ids,
            truncated=self.truncated,
        )


Ranking.EMPTY = Ranking(page_ids=[], title_ids=frozenset(), truncated=False)
