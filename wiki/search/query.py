"""Reduce whatever a reader typed to words an engine can search for safely, and a
page's text to the same terms, folded alike for both engines.

Both SQLite and PostgreSQL index the terms made here (SearchDocument.search_title
and .search_text), never their own reading of the text: a word is a run of letters,
digits and the marks that belong to them (Devanagari and Kannada vowel signs,
viramas), lowercased, without the accents of Latin, Greek and Cyrillic letters, and
with Turkish dotted and dotless i both i. Then `kogustaki` finds Koğuştaki, `ilik`
finds ılık, and हिन्दी is one word, on either engine.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
# PostgreSQL indexes no longer word, and no reader searches for one.
MAX_WORD_BYTES = 2047
TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]+")
# Scripts whose marks are accents, which a reader may leave out.
ACCENTED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


@dataclass(frozen=True)
class Query:
    """Words to find, each a run of tokens: `Ye-sung` is one word of two tokens."""

    words: tuple

    def __bool__(self):
        return bool(self.words)


def lowercase(text):
    # Python lowercases İ to i plus a combining dot, which would split the word.
    return unicodedata.normalize("NFKC", text).replace("İ", "i").lower()


@lru_cache(maxsize=4096)
def _accents_drop_after(char):
    return unicodedata.name(char, "").startswith(ACCENTED_SCRIPTS)


def fold(text):
    """Lowercase, Turkish ı as i, and no accents on Latin, Greek or Cyrillic letters:
    koğuştaki -> kogustaki, İynemli -> iynemli. The marks of other scripts are part
    of their letters and stay."""
    if text.isascii():
        return text.lower()
    kept = []
    drop_marks = False
    for char in unicodedata.normalize("NFD", lowercase(text).replace("ı", "i")):
        if unicodedata.combining(char):
            if not drop_marks:
                kept.append(char)
        else:
            drop_marks = _accents_drop_after(char)
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def terms(text):
    """`text` as the engines index it: its folded words, one space between each
    (but for a word too long to index, as a run of 50,000 x's)."""
    return " ".join(
        word
        for word in TOKEN.findall(fold(text))
        if len(word) * 4 <= MAX_WORD_BYTES or len(word.encode()) <= MAX_WORD_BYTES
    )


def parse_query(text):
    """Return the query's words as token tuples; every word must be found (AND)."""
    words = []
    for word in lowercase(text or "")[:MAX_QUERY_CHARS].split():
        tokens = tuple(TOKEN.findall(fold(word)))
        if tokens and tokens not in words:
            words.append(tokens)
    return Query(words=tuple(words[:MAX_WORDS]))
