from __future__ import annotations

import pytest

from studyapp.core.content.codes import channel_named, code_rank, derived_aliases, normalize_code


@pytest.mark.parametrize(("typed", "code"), [
    ("KI-8", "KI-8"), ("KI8", "KI-8"), ("ki 8", "KI-8"), ("KID-8", "KI-8"), ("K8", "KI-8"),
    ("KD8", "KI-8"), ("kd-08", "KI-8"), ("SJ5", "TE-5"), ("TH 5", "TE-5"), ("LV3", "LR-3"),
    ("LIV-3", "LR-3"), ("DU20", "GV-20"), ("REN 12", "CV-12"), ("RN12", "CV-12"), ("UB40", "BL-40"),
    ("P6", "PC-6"), ("MC 6", "PC-6"), ("H7", "HT-7"), ("ex-hn 3", "EX-HN3"), ("EXHN03", "EX-HN3"),
    ("ex-le-10", "EX-LE10"),
])
def test_normalize_accepts_common_forms(typed: str, code: str) -> None:
    assert normalize_code(typed) == code


@pytest.mark.parametrize("typed", ["", "KI", "8", "KI-0", "XX-1", "Jiaoxin", "EX-ZZ1"])
def test_normalize_rejects_non_codes(typed: str) -> None:
    assert normalize_code(typed) is None


def test_derived_aliases() -> None:
    assert derived_aliases("KI-8") == ["K-8", "KD-8", "KID-8"]
    assert derived_aliases("TE-5") == ["SJ-5", "TH-5", "TW-5"]
    assert derived_aliases("ST-36") == []


def test_codes_sort_in_channel_then_number_order() -> None:
    codes = ["CV-1", "KI-10", "LU-2", "KI-9", "EX-HN1", "LU-11"]
    assert sorted(codes, key=code_rank) == ["LU-2", "LU-11", "KI-9", "KI-10", "CV-1", "EX-HN1"]


@pytest.mark.parametrize(("text", "channel"), [
    ("KI", "KI"), ("kid", "KI"), ("SJ", "TE"), ("du", "GV"), ("Ren", "CV"), ("EXHN", "EX"), ("EX", None), ("XY", None),
])
def test_channel_named_reads_abbreviations_and_aliases(text: str, channel: str | None) -> None:
    assert channel_named(text) == channel
