"""Span matching and precision / recall / F1, kept free of any data or engine import so they are easy to test."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) of a document's text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class PRF:
    """Counts behind precision, recall and F1: `tp` matches out of `predicted` predictions and `gold` gold items."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def overlap_matching(predicted: Sequence[Span], gold: Sequence[Span]) -> list[tuple[int, int]]:
    """The largest one-to-one matching of predicted to gold spans in which matched spans overlap.

    Each gold span is matched at most once and so is each prediction, so one long prediction that covers two gold
    spans counts once. Returns (predicted index, gold index) pairs. Augmenting paths (Kuhn's algorithm): the lists
    are one document's spans, a few dozen at most.
    """
    candidates = [[g for g, span in enumerate(gold) if p.overlaps(span)] for p in predicted]
    gold_owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_owner or augment(gold_owner[g], seen):
                gold_owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    return sorted((p, g) for g, p in gold_owner.items())


def exact_matching(predicted: Sequence[Span], gold: Sequence[Span]) -> list[tuple[int, int]]:
    """Pairs of identical spans, each span used at most once."""
    free: dict[Span, list[int]] = {}
    for g, span in enumerate(gold):
        free.setdefault(span, []).append(g)
    pairs = []
    for p, span in enumerate(predicted):
        if free.get(span):
            pairs.append((p, free[span].pop(0)))
    return pairs


@dataclass(slots=True)
class Confusion:
    """A binary confusion table for sentence tasks: the positive class is the one the rules should flag."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def prf(self) -> PRF:
        return PRF(tp=self.tp, predicted=self.tp + self.fp, gold=self.tp + self.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn, **self.prf.to_dict()}
