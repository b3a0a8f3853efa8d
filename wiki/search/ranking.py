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

    def replaced(self, replacements):
        """The same ranking with each page of `replacements` put in place of its
        replacement (None: left out); a page ranked twice keeps its first place."""
        if not replacements:
            return self
        page_ids, seen, title_ids = [], set(), set()
        for pk in self.page_ids:
            shown = replacements.get(pk, pk)
            if shown is None or shown in seen:
                continue
            page_ids.append(shown)
            seen.add(shown)
            if pk in self.title_ids:
                title_ids.add(shown)
        return Ranking(page_ids, frozenset(title_ids), self.truncated)

    def kept(self, page_ids):
        """The same ranking with only the pages of `page_ids` left in it."""
        keep = set(page_ids)
        return self.replaced({pk: None for pk in self.page_ids if pk not in keep})


Ranking.EMPTY = Ranking(page_ids=[], title_ids=frozenset(), truncated=False)
