"""Language names of the film data, as the codes their `lang` marks take."""

from films.languages import language_code


def test_language_names_become_codes():
    assert [language_code(n) for n in ("Korean", "Turkish", "Kannada", "Hindi")] == [
        "ko",
        "tr",
        "kn",
        "hi",
    ]
    assert language_code("Indonesian") == "id" and language_code("Filipino") == "fil"
    assert language_code("") == "" and language_code("Klingon") == ""
