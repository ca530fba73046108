"""The tasks end to end on a tiny data folder we write here, and the clean skip when a folder is absent."""

import gzip
import json

from evaluation.cli import main
from evaluation.tasks import SENTENCE_TASKS, Skipped, TaskResult, _summary_entry, run

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


def test_a_speaker_belongs_to_the_summary_entry_of_its_own_name_first():
    entries = ["Ruiz Hammers Port Chief", "Ruiz", "Ana Berg"]
    assert _summary_entry("Ruiz", entries) == "Ruiz"
    assert _summary_entry("Berg", entries) == "Ana Berg"  # a surname merged into the full name
    assert _summary_entry("Holt", entries) is None
    assert _summary_entry("", entries) is None


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
    for task in ("polnear", "conll", "babe", "newssd", "ptc"):
        assert isinstance(run(task, tmp_path, "dev", jobs=1), Skipped)
    assert isinstance(run("conll", tmp_path, "train", jobs=1), Skipped)
    assert main(["--data", str(tmp_path)]) == 0
    assert "polnear: skipped" in capsys.readouterr().out
    assert main(["--data", str(tmp_path / "absent")]) == 0


PTC_ARTICLE = (
    "Council reshuffle\n\n"
    "The mayor's disgraceful scheme was approved on Monday by nine votes to four.\n\n"
    "Opponents of the scheme, which the council calls a renewal, gathered outside the hall.\n"
)


def write_ptc(root, gold: list[tuple[str, str]]):
    folder = root / "ptc-loaded-language"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "article101.txt").write_text(PTC_ARTICLE, encoding="utf-8")
    lines = ["article\ttechnique\tstart\tend"]
    for technique, phrase in gold:
        start = PTC_ARTICLE.index(phrase)
        lines.append(f"101\t{technique}\t{start}\t{start + len(phrase)}")
    (folder / "labels.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_ptc_matches_bias_findings_to_loaded_spans_one_to_one(tmp_path):
    write_ptc(
        tmp_path,
        [
            ("Loaded_Language", "disgraceful scheme"),
            ("Name_Calling,Labeling", "disgraceful scheme"),  # the same span twice counts once
            ("Loaded_Language", "gathered outside"),  # a span nothing flags
            ("Doubt", "calls a renewal"),  # another technique: not gold
        ],
    )
    result = run("ptc", tmp_path, "dev", jobs=1)
    assert isinstance(result, TaskResult)
    overlap = result.scores["loaded span overlap"]
    assert (overlap.tp, overlap.gold) == (1, 2)
    assert overlap.predicted == result.scores["findings in a span"].predicted >= 1
    assert any(row.code == "NA401" and row.on_positive == 1 for row in result.rules)
    assert any("gathered outside" in miss for miss in result.false_negatives)


def test_ptc_has_no_train_split_and_skips_without_data(tmp_path):
    assert isinstance(run("ptc", tmp_path, "dev", jobs=1), Skipped)
    write_ptc(tmp_path, [])
    assert isinstance(run("ptc", tmp_path, "train", jobs=1), Skipped)
    result = run("ptc", tmp_path, "dev", jobs=1)
    assert isinstance(result, TaskResult) and result.scores["loaded span overlap"].gold == 0


def write_html_pages(root):
    bench = root / "html-pages" / "extraction-benchmark"
    (bench / "html").mkdir(parents=True)
    story = "<p>The ferry pier closes in May after the harbour board vote.</p>" * 3
    page = (
        f"<html><body><nav>Home Sport</nav><article>{story}</article><footer><p>Contact us</p></footer></body></html>"
    )
    (bench / "html" / "k1.html.gz").write_bytes(gzip.compress(page.encode()))
    gold = {"k1": {"url": "https://example.org/pier", "articleBody": " ".join(["The ferry pier closes in May."] * 3)}}
    (bench / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    readable = root / "html-pages" / "readability-testpages" / "test" / "test-pages" / "pier"
    readable.mkdir(parents=True)
    (readable / "source.html").write_text(page, encoding="utf-8")
    (readable / "expected.html").write_text(f"<div>{story}</div>", encoding="utf-8")


def test_html_pages_score_the_words_the_reader_keeps(tmp_path):
    assert isinstance(run("html", tmp_path, "dev", jobs=1), Skipped)
    write_html_pages(tmp_path)
    result = run("html", tmp_path, "dev", jobs=1)
    bench, readable = result.scores["benchmark body words"], result.scores["readability body words"]
    assert readable.recall == 1.0 and readable.precision == 1.0  # the article kept, the nav and footer left out
    assert bench.recall == 1.0 and 0.5 < bench.precision < 1.0  # the gold body is shorter than the paragraphs
    assert result.items == 2
    assert isinstance(run("html", tmp_path, "train", jobs=1), Skipped)
