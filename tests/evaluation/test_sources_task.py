"""The `sources` task (issue #16) on a tiny PolNeAR-shaped folder and reports we write here."""

from evaluation import sources
from evaluation.metrics import Span
from evaluation.tasks import Skipped, TaskResult, run
from newsaudit.engine.report import DocumentReport

STORY = (
    "Ana Ruiz, the engineer, said the bridge would reopen in May.\n\n"
    '"It is safe," Ruiz told reporters.\n\nFollowing the vote, officials were quiet.\n'
)


def write_polnear(root):
    folder = root / "polnear" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "story.txt").write_text(STORY, encoding="utf-8")
    first, second = STORY.index("Ana Ruiz"), STORY.index("Ruiz told")
    (folder / "attributions" / "story_4b22.ann").write_text(
        f"T1\tSource {first} {first + 8}\tAna Ruiz\nT2\tSource {second} {second + 4}\tRuiz\n", encoding="utf-8"
    )


def test_sources_task_on_our_own_story(tmp_path):
    write_polnear(tmp_path)
    result = run("sources", tmp_path, "dev", jobs=1)
    assert isinstance(result, TaskResult)
    assert result.scores["named entries"].tp == 1 and result.scores["named entries"].predicted == 1
    assert any("Ana Ruiz" in note for note in result.notes)
    assert isinstance(run("sources", tmp_path / "absent", "dev", jobs=1), Skipped)


def report_with(entries: list[list[tuple[int, int]]]) -> DocumentReport:
    report = DocumentReport("story")
    report.source_mix = {
        "sources": [
            {
                "name": f"entry {k}",
                "kind": "person",
                "key": "",
                "mentions": [{"start": s, "end": e, "text": "x"} for s, e in spans],
            }
            for k, spans in enumerate(entries)
        ]
    }
    return report


def test_merge_pairs_against_labelled_chains():
    gold = [Span(0, 5), Span(10, 15), Span(20, 25), Span(30, 35)]
    chains = {0: "ruiz", 10: "ruiz", 20: "ruiz"}  # 30 is a chain of its own
    # the engine put 0 and 10 together, 20 apart, and 30 with 20: one right pair, one wrong, two missed
    prf, errors = sources.merge_pairs(report_with([[(0, 5), (10, 15)], [(20, 25), (30, 35)], [(50, 55)]]), gold, chains)
    assert (prf.tp, prf.predicted, prf.gold) == (1, 2, 3)
    assert sum("merged but different" in e for e in errors) == 1
    assert sum("apart but the same" in e for e in errors) == 2


def test_chain_labels_are_read_by_start_offset(tmp_path):
    path = tmp_path / "chains.tsv"
    path.write_text("# comment\nstory\truiz\t0,10\nstory\tlee\t40\n", encoding="utf-8")
    assert sources.read_chains(path) == {"story": {0: "ruiz", 10: "ruiz", 40: "lee"}}


def test_shipped_labels_are_well_formed():
    chains = sources.read_chains()
    assert len(chains) == 8
    assert all(isinstance(start, int) for starts in chains.values() for start in starts)
