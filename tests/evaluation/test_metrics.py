"""Span matching and P/R/F1 on tiny spans we make up."""

import pytest

from evaluation.metrics import PRF, Confusion, Span, exact_matching, overlap_matching


def test_overlap_is_half_open():
    assert Span(0, 5).overlaps(Span(4, 9))
    assert not Span(0, 5).overlaps(Span(5, 9))  # touching is not overlapping
    assert Span(2, 3).overlaps(Span(0, 10))


def test_each_gold_span_is_matched_at_most_once():
    gold = [Span(0, 10)]
    predicted = [Span(0, 3), Span(5, 8)]
    assert overlap_matching(predicted, gold) == [(0, 0)]


def test_one_long_prediction_covers_only_one_gold_span():
    predicted = [Span(0, 20)]
    gold = [Span(0, 5), Span(10, 15)]
    assert len(overlap_matching(predicted, gold)) == 1


def test_matching_is_maximal_not_greedy():
    # Greedy would give prediction 0 the first gold span and leave prediction 1 with nothing.
    predicted = [Span(0, 10), Span(0, 4)]
    gold = [Span(2, 4), Span(8, 12)]
    assert overlap_matching(predicted, gold) == [(0, 1), (1, 0)]


def test_exact_matching_needs_identical_offsets():
    predicted = [Span(0, 5), Span(10, 14), Span(10, 14)]
    gold = [Span(0, 5), Span(10, 15), Span(10, 14)]
    assert exact_matching(predicted, gold) == [(0, 0), (1, 2)]


def test_prf_edge_cases():
    empty = PRF()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    nothing_found = PRF(tp=0, predicted=0, gold=4)
    assert nothing_found.recall == 0.0 and nothing_found.f1 == 0.0
    perfect = PRF(tp=3, predicted=3, gold=3)
    assert perfect.f1 == 1.0


def test_prf_values_and_sum():
    total = PRF(tp=1, predicted=2, gold=4)
    total.add(PRF(tp=2, predicted=2, gold=2))
    assert (total.tp, total.predicted, total.gold) == (3, 4, 6)
    assert total.precision == pytest.approx(0.75)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(0.6)


def test_confusion_counts_and_prf():
    confusion = Confusion()
    for gold, predicted in [(True, True), (True, False), (False, True), (False, False), (False, False)]:
        confusion.add(gold, predicted)
    assert (confusion.tp, confusion.fp, confusion.fn, confusion.tn) == (1, 1, 1, 2)
    assert confusion.prf.precision == 0.5
    assert confusion.to_dict()["recall"] == 0.5
