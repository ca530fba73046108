"""Tokens carry whether they are words and capitalised (stored once, read several times per token)."""

from newsaudit.engine.tokens import tokenize


def test_tokens_know_whether_they_are_words_and_capitalised():
    tokens = tokenize("\u00c9lise Ruiz said 40% of U.S. voters agreed, \u201cdefinitely\u201d.")
    assert [t.text for t in tokens] == [
        "\u00c9lise", "Ruiz", "said", "40%", "of", "U.S.", "voters", "agreed", ",", "\u201c", "definitely", "\u201d", ".",
    ]  # fmt: skip
    assert [t.text for t in tokens if t.is_word] == [
        "\u00c9lise",
        "Ruiz",
        "said",
        "of",
        "U.S.",
        "voters",
        "agreed",
        "definitely",
    ]
    assert [t.text for t in tokens if t.is_capitalised] == ["\u00c9lise", "Ruiz", "U.S."]
    assert all(t.is_word == t.text[:1].isalpha() and t.is_capitalised == t.text[:1].isupper() for t in tokens)
