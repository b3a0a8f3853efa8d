"""How an edit filter rule reads an edit (wiki/models/filters.py holds the rules,
services/filtering.py does what they say).

A rule's pattern runs under a time limit (the `regex` package's `timeout`): a
pattern that backtracks without end costs one edit a fraction of a second, not a
worker.
"""

import logging
from dataclasses import dataclass
from functools import cached_property

import regex
from django.conf import settings

from .models import FilterField
from .tags import links_added
from .tiers import Tier

logger = logging.getLogger("wiki.filters")

FLAGS = regex.IGNORECASE | regex.VERSION1


@dataclass(frozen=True)
class Attempt:
    """An edit as the filter sees it, before it is saved."""

    title: str
    slug: str
    old_text: str
    new_text: str
    summary: str
    tier: Tier

    @cached_property
    def added_text(self):
        """The lines the edit adds (as a line-by-line diff would show them)."""
        old_lines = set(self.old_text.splitlines())
        return "\n".join(
            line for line in self.new_text.splitlines() if line not in old_lines
        )

    @cached_property
    def links_added(self):
        return links_added(self.old_text, self.new_text)

    @property
    def size_change(self):
        return len(self.new_text.encode()) - len(self.old_text.encode())

    def text_of(self, field):
        return {
            FilterField.ADDED_TEXT: self.added_text,
            FilterField.TITLE: self.title,
            FilterField.SUMMARY: self.summary,
        }[field]


def _in_bounds(value, least, most):
    return (least is None or value >= least) and (most is None or value <= most)


def rule_matches(rule, attempt):
    """Whether every condition `rule` sets holds for `attempt`."""
    if attempt.tier > rule.max_tier:
        return False
    if not _in_bounds(attempt.links_added, rule.min_links_added, None):
        return False
    if not _in_bounds(attempt.size_change, rule.min_size_change, rule.max_size_change):
        return False
    if not rule.pattern:
        return True
    try:
        found = regex.search(
            rule.pattern,
            attempt.text_of(rule.field),
            flags=FLAGS,
            timeout=settings.WIKI_FILTER_TIMEOUT,
        )
    except TimeoutError:
        logger.warning(
            "Edit filter %r took too long on %s and was taken as no match.",
            rule.name,
            attempt.slug,
        )
        return False
    except regex.error:
        logger.warning("Edit filter %r has a pattern that does not compile.", rule.name)
        return False
    return found is not None
