"""A short extract of a page's text around the words searched for, with them marked."""

from collections import deque
from html import escape
from itertools import islice

from django.utils.safestring import mark_safe

from .query import TOKEN, fold

WORDS_BEFORE = 10
WORDS_IN_SNIPPET = 32


def _matches(word, prefixes):
    # Folding is slow; most words are ASCII, where lowercasing is all it does.
    text = word.group()
    return (text.lower() if text.isascii() else fold(text)).startswith(prefixes)


def _window(text, prefixes):
    """The snippet's words: a few before the first hit and the rest after it."""
    before = deque(maxlen=WORDS_BEFORE)
    words = None
    for word in TOKEN.finditer(text):
        if words is not None:
            words.append(word)
            if len(words) == WORDS_IN_SNIPPET:
                break
        elif _matches(word, prefixes):
            words = [*before, word]
        else:
            before.append(word)
    if words is None:  # Only the title matched: show how the text begins.
        words = list(islice(TOKEN.finditer(text), WORDS_IN_SNIPPET))
    return words, {n for n, word in enumerate(words) if _matches(word, prefixes)}


def highlighted_snippet(text, query):
    """Escaped HTML: some words of `text` around the query's, those in <mark>."""
    prefixes = tuple(fold(token) for token in query.tokens)
    words, hits = _window(text, prefixes)
    if not words:
        return ""
    pieces = ["… "] if TOKEN.search(text, 0, words[0].start()) else []
    position = words[0].start()
    for n in sorted(hits):
        word = words[n]
        pieces += [
            escape(text[position : word.start()]),
            f"<mark>{escape(word.group())}</mark>",
        ]
        position = word.end()
    pieces.append(escape(text[position : words[-1].end()]))
    if TOKEN.search(text, words[-1].end()):
        pieces.append(" …")
    return mark_safe(" ".join("".join(pieces).split()))  # noqa: S308 - pieces are escaped
