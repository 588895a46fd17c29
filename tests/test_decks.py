"""Deck files: the bundle is consistent and every kind of mistake is reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyapp.config import PROJECT_ROOT
from studyapp.core.content.categories import STANDARD_COUNTS, STANDARD_MEMBERS
from studyapp.core.content.codes import STANDARD_COUNTS as CHANNEL_COUNTS
from studyapp.core.content.deck_files import Problem, check_against_reference, load_bundle
from studyapp.core.content.deck_files import main as deck_files_main
from tests.conftest import DECKS_DIR, REFERENCE


@pytest.fixture
def decks_copy(tmp_path: Path) -> Path:
    target = tmp_path / "decks"
    shutil.copytree(DECKS_DIR, target)
    return target


def edit(path: Path, old: str, new: str, code: str = "KI-8") -> None:
    """Replace `old` with `new` inside one point's block of a deck file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'[[points]]\ncode = "{code}"')
    end = text.find("\n[[points]]\ncode =", start + 1)
    end = len(text) if end == -1 else end
    block = text[start:end]
    assert old in block, f"{old!r} not in {code} of {path.name}"
    path.write_text(text[:start] + block.replace(old, new, 1) + text[end:], encoding="utf-8")


def problems_for(decks: Path) -> list[Problem]:
    return load_bundle([decks], root=decks.parent).problems


def test_bundled_decks_have_no_problems() -> None:
    bundle = load_bundle([DECKS_DIR])
    assert [str(p) for p in bundle.problems] == []


def test_bundled_names_match_the_standard_reference() -> None:
    bundle = load_bundle([DECKS_DIR])
    assert [str(p) for p in check_against_reference(bundle.decks, REFERENCE)] == []


def test_kidney_channel_is_complete() -> None:
    bundle = load_bundle([DECKS_DIR])
    kidney = next(deck for deck in bundle.decks if deck.slug == "kidney")
    assert [p.code for p in kidney.points] == [f"KI-{n}" for n in range(1, 28)]
    assert len(kidney.points) == CHANNEL_COUNTS["KI"]


def test_ki8_carries_every_field_of_the_seed_record() -> None:
    ki8 = next(p for p in load_bundle([DECKS_DIR]).points if p.code == "KI-8")
    assert (ki8.pinyin, ki8.hanzi) == ("Jiāoxìn", "交信")
    assert ki8.english and ki8.introduction and ki8.location and ki8.technique
    assert len(ki8.identification) >= 3 and ki8.functions and ki8.indications and ki8.cautions
    assert {r.code for r in ki8.related} >= {"KI-3", "KI-7"}
    assert any("pregnan" in caution.lower() for caution in ki8.cautions)
    assert len(ki8.faq) >= 3
    assert [c.label for c in ki8.categories] == ["xi-cleft point of the Yin Qiao vessel"]


def test_standard_category_tables_have_the_taught_sizes() -> None:
    assert {name: len(members) for name, members in STANDARD_MEMBERS.items()} == STANDARD_COUNTS


def test_unknown_field_names_file_point_and_field(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'english = "Exchange Belief"', 'english = "Exchange Belief"\nindication = "x"')
    assert "decks/kidney.toml: KI-8: indication: unknown field" in map(str, problems_for(decks_copy))


def test_missing_required_field(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'english = "Exchange Belief"\n', "")
    assert "decks/kidney.toml: KI-8: english: missing required field" in map(str, problems_for(decks_copy))


def test_empty_required_list(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", "functions = [", "functions = []\nfunctions_was = [")
    messages = list(map(str, problems_for(decks_copy)))
    assert "decks/kidney.toml: KI-8: functions: must not be empty" in messages


def test_bad_code(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'code = "KI-8"', 'code = "KI 8"')
    messages = list(map(str, problems_for(decks_copy)))
    assert "decks/kidney.toml: KI 8: code: 'KI 8' is not a WHO code like 'KI-8' or 'EX-HN3'" in messages


def test_code_from_another_channel(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'code = "KI-8"', 'code = "SP-8"')
    assert any(str(p).startswith("decks/kidney.toml: SP-8: code: belongs to channel SP")
               for p in problems_for(decks_copy))


def test_duplicate_code(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'code = "KI-9"', 'code = "KI-8"', code="KI-9")
    messages = list(map(str, problems_for(decks_copy)))
    assert "decks/kidney.toml: KI-8: code: duplicate: also in decks/kidney.toml" in messages


def test_related_point_that_does_not_exist(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", '{ code = "KI-7", reason', '{ code = "KI-99", reason')
    messages = list(map(str, problems_for(decks_copy)))
    assert any(m.startswith("decks/kidney.toml: KI-8: related[") and m.endswith("unknown point 'KI-99'")
               for m in messages)


def test_wrong_category_membership(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'of = "Yin Qiao" }', 'of = "Yin Wei" }')
    assert "decks/kidney.toml: KI-8: categories: xi-cleft should be 'Yin Qiao', not 'Yin Wei'" in map(
        str, problems_for(decks_copy))


def test_unknown_category_and_region(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", '{ category = "xi-cleft", of = "Yin Qiao" }', '{ category = "cleft" }')
    edit(decks_copy / "kidney.toml", 'region = "lower-leg"', 'region = "shin"')
    messages = list(map(str, problems_for(decks_copy)))
    assert "decks/kidney.toml: KI-8: categories[0].category: unknown category 'cleft'" in messages
    assert "decks/kidney.toml: KI-8: region: unknown region 'shin' (see decks/README.md)" in messages


def test_invalid_toml_names_the_file(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'pinyin = "Jiāoxìn"', 'pinyin = "Jiāoxìn')
    problems = problems_for(decks_copy)
    assert any(p.file == "decks/kidney.toml" and "not valid TOML" in p.message for p in problems)


def test_missing_point_is_reported_by_count(decks_copy: Path) -> None:
    path = decks_copy / "kidney.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[points]]\ncode = "KI-27"')
    path.write_text(text[:start], encoding="utf-8")
    messages = list(map(str, problems_for(decks_copy)))
    assert "decks/kidney.toml: -: points: KI has 27 points; missing KI-27" in messages


def test_reference_check_catches_a_wrong_name(decks_copy: Path) -> None:
    edit(decks_copy / "kidney.toml", 'pinyin = "Jiāoxìn"', 'pinyin = "Jiāoxìng"')
    bundle = load_bundle([decks_copy], root=decks_copy.parent)
    messages = list(map(str, check_against_reference(bundle.decks, REFERENCE)))
    assert "decks/kidney.toml: KI-8: pinyin: 'Jiāoxìng' does not match the standard 'Jiaoxin'" in messages


def test_decks_check_command_uses_the_standard_names_kept_in_the_repository(decks_copy: Path, runner,
                                                                             tmp_path: Path) -> None:
    edit(decks_copy / "kidney.toml", 'pinyin = "Jiāoxìn"', 'pinyin = "Jiāoxìng"')
    result = runner.invoke(args=["decks", "check", str(decks_copy)])
    assert result.exit_code == 1
    assert "KI-8: pinyin: 'Jiāoxìng' does not match the standard 'Jiaoxin'" in result.output
    # Another table can be named; the bundled decks match the standard one.
    other = tmp_path / "names.tsv"
    other.write_text(REFERENCE.read_text(encoding="utf-8").replace("KI-8\tJiaoxin", "KI-8\tJiaoxim"), encoding="utf-8")
    named = runner.invoke(args=["decks", "check", "--reference", str(other)])
    assert named.exit_code == 1 and "does not match the standard 'Jiaoxim'" in named.output
    assert runner.invoke(args=["decks", "check"]).exit_code == 0


def test_deck_files_module_checks_the_bundled_decks_with_nothing_but_python(capsys: pytest.CaptureFixture[str]) -> None:
    assert deck_files_main([]) == 0
    assert capsys.readouterr().out.strip().endswith("point(s): OK")


def test_the_suite_and_the_app_read_nothing_outside_the_repository() -> None:
    """A fresh clone with nothing beside it runs every test: no path leads out to ../shared."""
    outside = []
    for folder in ("studyapp", "tests", "scripts", ".ci"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*")):
            if (not path.is_file() or path.suffix not in (".py", "", ".sh", ".toml") or "__pycache__" in path.parts
                    or path == Path(__file__).resolve()):  # this test names what it looks for
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in ('"shared"', "'shared'", "../shared", "PROJECT_ROOT.parent", "shared/reference"):
                if needle in text:
                    outside.append(f"{path.relative_to(PROJECT_ROOT)}: {needle}")
    assert outside == []
