"""The tasks end to end on a tiny data folder we write here, and the clean skip when a folder is absent."""

from evaluation.cli import main
from evaluation.tasks import SENTENCE_TASKS, Skipped, TaskResult, run

STORY = 'The mayor said the bridge would reopen in May.\n\n"It is safe," Ana Ruiz, the engineer, told reporters.\n'


def write_polnear(root):
    folder = root / "polnear" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "story.txt").write_text(STORY, encoding="utf-8")
    mayor, engineer = STORY.index("The mayor"), STORY.index("Ana Ruiz")
    said, told = STORY.index("said"), STORY.index("told")
    (folder / "attributions" / "story_4b22.ann").write_text(
        f"T1\tSource {mayor} {mayor + 9}\tThe mayor\nT2\tCue {said} {said + 4}\tsaid\n"
        f"T3\tSource {engineer} {engineer + 8}\tAna Ruiz\nT4\tCue {told} {told + 4}\ttold\n",
        encoding="utf-8",
    )


def test_polnear_on_our_own_story(tmp_path):
    write_polnear(tmp_path)
    result = run("polnear", tmp_path, "dev", jobs=1)
    assert isinstance(result, TaskResult)
    assert result.items == 1
    assert result.scores["source overlap"].gold == 2
    assert result.scores["source overlap"].tp == 2
    assert result.scores["cue exact"].tp == 2


def test_sentence_task_counts_only_its_category(tmp_path):
    spec = SENTENCE_TASKS["babe"]
    path = tmp_path / spec.files["dev"]
    path.parent.mkdir(parents=True)
    path.write_text(
        "text;label_bias\n"
        "The council clearly botched the disgraceful scheme.;Biased\n"
        "The council met on Tuesday.;Non-biased\n",
        encoding="utf-8",
    )
    result = run("babe", tmp_path, "dev", jobs=1)
    assert isinstance(result, TaskResult)
    c = result.confusion
    assert (c.tp + c.fn, c.fp + c.tn) == (1, 1)
    assert all(row.counted == (row.category == "bias") for row in result.rules)


def test_missing_folders_are_skipped(tmp_path, capsys):
    for task in ("polnear", "conll", "babe", "newssd"):
        assert isinstance(run(task, tmp_path, "dev", jobs=1), Skipped)
    assert isinstance(run("conll", tmp_path, "train", jobs=1), Skipped)
    assert main(["--data", str(tmp_path)]) == 0
    assert "polnear: skipped" in capsys.readouterr().out
    assert main(["--data", str(tmp_path / "absent")]) == 0
