"""A short extract of a page's text around the words searched for, with them marked."""

from collections import deque
from html import escape
from itertools import islice

from django.utils.safestring import mark_safe

from .query import TOKEN, fold

WORDS_BEFORE = 10
WORDS_IN_SNIPPET = 32


class Terms:
    """What the engine matches: each word's last token as a prefix, the others whole.

    `Ye-sung` marks "Ye" and "Sunghee" but not "year", as the engines find it.
    """

    def __init__(self, query):
        self.whole = {fold(token) for tokens in query.words for token in tokens[:-1]}
        self.prefixes = tuple(fold(tokens[-1]) for tokens in query.words)

    def match(self, word):
        # Folding is slow; most words are ASCII, where lowercasing is all it does.
        text = word.group()
        folded = text.lower() if text.isascii() else fold(text)
        return folded in self.whole or folded.startswith(self.prefixes)


def _window(text, terms):
    """The snippet's words: a few before the first hit and the rest after it."""
    before = deque(maxlen=WORDS_BEFORE)
    words = None
    for word in TOKEN.finditer(text):
        if words is not None:
            words.append(word)
            if len(words) == WORDS_IN_SNIPPET:
                break
        elif terms.match(word):
            words = [*before, word]
        else:
            before.append(word)
    if words is None:  # Only the title matched: show how the text begins.
        words = list(islice(TOKEN.finditer(text), WORDS_IN_SNIPPET))
    return words, {n for n, word in enumerate(words) if terms.match(word)}


def highlighted_snippet(text, query):
    """Escaped HTML: some words of `text` around the query's, those in <mark>."""
    words, hits = _window(text, Terms(query))
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
    # Safe: every piece was escaped as it was added.
    return mark_safe(" ".join("".join(pieces).split()))
