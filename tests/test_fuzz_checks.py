"""Every check answers any value with a plain-sentence verdict and never raises, and no value
ever scores more than the question is worth, nor less than 0.

Each question's check is fed 300 generated values: numbers, text, bytes, None, the placeholder,
nested containers, DataFrames, plotly and matplotlib figures, and objects whose comparison,
printing, iteration or truth test raises; and, whatever is generated, one value of every kind
(KINDS below). Questions with partial credit are also fed 1,000 lists of country names and codes,
right, wrong, repeated and unknown, the answers partial credit is for.
"""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.pandas import column, data_frames  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from takedown.feedback import LOOK, Verdict  # noqa: E402
from takedown.questions import EXERCISES, PRACTICE, questions_for  # noqa: E402

QUESTIONS = [(name, question) for name in {**EXERCISES, **PRACTICE} for question in questions_for(name)]


class Hostile:
    """An object that raises whenever it is compared, printed, iterated, measured or tested."""

    def _fail(self, *args, **kwargs):
        raise RuntimeError("hostile object")

    __eq__ = __ne__ = __lt__ = __gt__ = __repr__ = __str__ = __iter__ = __len__ = __bool__ = __hash__ = _fail
    __int__ = __float__ = __index__ = __getattr__ = _fail


class HostileNumber(int):
    """An int whose arithmetic and comparisons raise."""

    def _fail(self, *args, **kwargs):
        raise ValueError("hostile number")

    __eq__ = __ne__ = __lt__ = __gt__ = __le__ = __ge__ = __add__ = __int__ = __repr__ = __hash__ = _fail


texts = st.text(max_size=40) | st.sampled_from(["Canada", "GBR", "UK", "Amaq", "Halumu", "2016", "EU", ""])
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | texts
    | st.binary(max_size=20)
    | st.just(...)
    | st.complex_numbers()
    | st.decimals(allow_nan=True)
)
containers = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.tuples(children, children)
        | st.dictionaries(texts, children, max_size=4)
        | st.frozensets(texts, max_size=4)
        | st.sets(st.integers(), max_size=4)
    ),
    max_leaves=12,
)
frames = data_frames([column("name", elements=texts), column("value", dtype=float)])
plotly_figures = st.builds(
    lambda xs, ys, title: go.Figure(go.Bar(x=xs, y=ys), layout={"title": title}),
    st.lists(texts, max_size=4),
    st.lists(st.integers(-10, 10), max_size=4),
    texts,
)
# Objects hypothesis itself cannot print are made inside the test from their name.
ODD_OBJECTS = {
    "hostile": Hostile,
    "hostile number": lambda: HostileNumber(6),
    "matplotlib figure": Figure,
    "object": object,
    "series": lambda: pd.Series(["Canada"]),
    "empty plotly figure": go.Figure,
    "a class": lambda: type,
    "a function": lambda: print,
}


class Odd(str):
    """The name of an odd object, to be built by the test."""


ANY_VALUE = containers | frames | plotly_figures | st.sampled_from(sorted(ODD_OBJECTS)).map(Odd)


def test_there_are_questions_to_fuzz():
    assert len(QUESTIONS) >= 10


# One value of every kind, fed whatever hypothesis generates: each kind is certain to be tried, so a few
# hundred generated values (each one costs every check of the course) cover what a thousand did by chance.
KINDS = [
    None,
    True,
    0,
    -(2**70),
    float("nan"),
    float("inf"),
    "",
    "GBR",
    "x" * 40,
    b"\x00\xff",
    ...,
    2 + 3j,
    ["Canada", ["United States", {"EU": None}]],
    ("UK", 6),
    {"name": [1.5]},
    frozenset({"FRA", "ROU"}),
    {6},
    pd.DataFrame({"name": ["Canada", ""], "value": [1.0, float("nan")]}),
    pd.DataFrame(),
    go.Figure(go.Bar(x=["EU", "NATO"], y=[6, 8]), layout={"title": "Memberships"}),
    *[Odd(name) for name in sorted(ODD_OBJECTS)],
]


def with_every_kind(test):
    for value in reversed(KINDS):
        test = example(value=value)(test)
    return test


# One generated value is fed to every question, so each check sees every value.
@pytest.mark.slow  # a minute of generated values: the fast tier leaves them to `make test`
@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(value=ANY_VALUE)
@with_every_kind
def test_every_check_returns_a_plain_sentence_for_any_value(value):
    for notebook, question in QUESTIONS:
        answer = ODD_OBJECTS[value]() if isinstance(value, Odd) else value
        verdict = question.check(answer)
        where = f"{notebook} {question.name}"
        assert isinstance(verdict, Verdict), where
        assert verdict.status in LOOK, where
        assert isinstance(verdict.message, str) and verdict.message.strip(), where
        assert "Traceback" not in verdict.message, where
        points = question.score(answer, verdict)
        assert 0 <= points <= question.points, where
        assert points == question.points or not verdict.correct, where


PARTIAL = [(notebook, question) for notebook, question in QUESTIONS if question.partial is not None]
country_lists = st.lists(
    st.sampled_from(
        ["Canada", "CAN", "United States", "USA", "us", "France", "GBR", "UK", "Narnia", "", " Canada ", "canada"]
    )
    | texts,
    max_size=6,
)


def test_there_are_questions_with_partial_credit_to_fuzz():
    assert PARTIAL


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=country_lists | st.tuples(texts, texts) | st.sets(texts, max_size=4))
def test_partial_credit_never_exceeds_the_points_and_full_points_mean_a_right_answer(value):
    for notebook, question in PARTIAL:
        verdict = question.check(value)
        points = question.score(value, verdict)
        assert 0 <= points <= question.points, f"{notebook} {question.name}"
        assert (points == question.points) == verdict.correct, f"{notebook} {question.name}: {value!r}"
