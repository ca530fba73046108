"""The brat and CSV readers on small files we write here."""

import pytest

from evaluation.metrics import Span
from evaluation.readers import parse_brat, pick_annotations, read_labelled_csv

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40;45 50\tthe bridge would reopen soon\n"
    "then\n"  # continuation of an annotation text that held a newline
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 60 70;75 80\ta spokesman ... for the council\n"
    "T6\tSource 0 9\tThe mayor\n"
)


def test_parse_brat_types_offsets_and_fragments():
    spans = parse_brat(ANN)
    assert spans["Source"] == [Span(0, 9), Span(60, 80)]  # duplicates merged, fragments joined to one hull
    assert spans["Cue"] == [Span(10, 14)]
    assert spans["Content"] == [Span(15, 50)]
    assert "E1" not in spans and "Attribution" in spans


def test_pick_one_annotator_per_article(tmp_path):
    for name in ("story-a_5fec.ann", "story-a_4b22.ann", "story-b_ef2d.ann", "notes.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    chosen = pick_annotations(tmp_path)
    assert {k: v.name for k, v in chosen.items()} == {"story-a": "story-a_4b22.ann", "story-b": "story-b_ef2d.ann"}


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_labelled_csv_finds_its_delimiter(tmp_path, delimiter):
    path = tmp_path / "sentences.csv"
    lines = [
        delimiter.join(["text", "label"]),
        delimiter.join(['"The council voted, narrowly, to close the pool."', "Biased"]),
        delimiter.join(['"Rain is expected on\nTuesday."', "Non-biased"]),
        delimiter.join(['"Nobody could agree."', "No agreement"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, skipped = read_labelled_csv(path, "text", "label", "Biased", "Non-biased")
    assert [(r.text, r.positive) for r in rows] == [
        ("The council voted, narrowly, to close the pool.", True),
        ("Rain is expected on Tuesday.", False),  # one paragraph for the engine
    ]
    assert skipped == 1


def test_labelled_csv_missing_column_is_a_clear_error(tmp_path):
    path = tmp_path / "sentences.csv"
    path.write_text("sentence,label\nA short one.,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column text"):
        read_labelled_csv(path, "text", "label", "-1", "1")


def test_read_span_labels_keeps_the_named_techniques_once(tmp_path):
    from evaluation.readers import read_span_labels

    path = tmp_path / "labels.tsv"
    path.write_text(
        "article\ttechnique\tstart\tend\n"
        "7\tLoaded_Language\t10\t20\n"
        "7\tName_Calling,Labeling\t10\t20\n"
        "7\tDoubt\t30\t40\n"
        "8\tFlag-Waving\t1\t5\n"
        "8\tLoaded_Language\tx\t5\n",
        encoding="utf-8",
    )
    labels = read_span_labels(path, frozenset({"Loaded_Language", "Name_Calling,Labeling"}))
    assert labels == {"7": [Span(10, 20)], "8": []}
