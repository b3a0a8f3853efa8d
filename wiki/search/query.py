"""Reduce whatever a reader typed to words an engine can search for safely."""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Query:
    """Words to find, each a run of tokens: `Ye-sung` is one word of two tokens."""

    words: tuple

    def __bool__(self):
        return bool(self.words)


def lowercase(text):
    # Python lowercases İ to i plus a combining dot, which would split the word.
    return unicodedata.normalize("NFKC", text).replace("İ", "i").lower()


def fold(text):
    """Lowercase without accents, as FTS5 compares them: koğuştaki -> kogustaki."""
    decomposed = unicodedata.normalize("NFKD", lowercase(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def parse_query(text):
    """Return the query's words as token tuples; every word must be found (AND)."""
    words = []
    for word in lowercase(text or "")[:MAX_QUERY_CHARS].split():
        tokens = tuple(TOKEN.findall(word))
        if tokens and tokens not in words:
            words.append(tokens)
    return Query(words=tuple(words[:MAX_WORDS]))
