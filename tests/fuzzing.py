"""Shared by the fuzz tests: a deterministic hypothesis profile and strategies for hostile article input.

Examples are bounded and derandomised (the same inputs on every run and every fresh clone, no example database),
so the suite stays fast and a failure reproduces. NEWSAUDIT_FUZZ_EXAMPLES raises the count for a longer hunt.
"""

import os
import time

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "newsaudit",
    max_examples=int(os.environ.get("NEWSAUDIT_FUZZ_EXAMPLES", "40")),
    derandomize=True,
    database=None,
    deadline=None,  # timing is asserted per example against a linear budget instead (a shared CI box stalls)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("newsaudit")

# Characters that have tripped text tools before: quotes of every kind, dots, dashes, NUL, surrogates' neighbours,
# right-to-left marks, combining marks, emoji, markup.
TRICKY = list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?-\u2014\u2013 \t\n\r\x00\u200f\u0301\U0001f631<>&/=#%")
WORDS = ["said", "according to", "Observers note", "the council", "Reuters", "AP", "By", "\u2014", "Mr.", "U.S."]

text_piece = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.sampled_from(TRICKY), max_size=30),
    st.text(max_size=40),
)
prose = st.lists(text_piece, max_size=40).map(" ".join)

_tag = st.sampled_from(["p", "div", "h1", "h2", "blockquote", "li", "ul", "a", "b", "script", "figcaption", "article"])
_attrs = st.sampled_from(
    ["", ' class="byline"', ' href="https://example.org"', ' data-block-id="b1"', ' data-newsaudit-ignore="NA201"']
)


@st.composite
def html_fragments(draw) -> str:
    """Markup that is mostly HTML: nested, unclosed, stray closing tags, comments, entities."""
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(_tag)
        choice = draw(st.integers(0, 5))
        if choice == 0:
            parts.append(f"<{tag}{draw(_attrs)}>")
        elif choice == 1:
            parts.append(f"</{tag}>")
        elif choice == 2:
            parts.append(draw(st.sampled_from(["<!--", "-->", "&amp;", "&#x0;", "&bogus;", "<![CDATA[", "<br/>"])))
        else:
            parts.append(f"<{tag}{draw(_attrs)}>{draw(prose)}</{tag}>")
    return "".join(parts)


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30))
json_values = st.recursive(
    st.one_of(json_scalars, prose, html_fragments()),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["type", "value", "id", "text", "body", "title", "x"]), children, max_size=4),
    ),
    max_leaves=12,
)


def linear_budget(size: int) -> float:
    """Seconds one hostile input may cost: far above the measured rate, far below any quadratic blow-up."""
    return 5.0 + size * 100e-6


class Timer:
    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.started
