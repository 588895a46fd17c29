"""Rebuild static/fonts/: Noto Sans CJK cut down to the characters our decks use, split into chunks.

Students' phones and computers without Chinese fonts would otherwise show empty boxes for the
hanzi. A page should not download every character to show a few, so each face (TC, the point names;
SC, their simplified and variant forms and other text) is split into small files, and
static/fonts/hanzi.css declares one @font-face per file with its characters as `unicode-range`: the
browser fetches only the files of the characters a page shows, and the app preloads exactly those
(studyapp/hanzi_fonts.py reads the same CSS).

How the characters are grouped, so that a page needs few chunks and a study session few more:
1. the site header's 穴位, shown on every page, alone;
2. the characters common to the names of several decks (門, 陰, 陽, 中, 俞...), most frequent first;
3. then deck by deck, each deck's own characters: in one chunk if they fit, or else first those of
   the names as lists print them (`hanzi`), then those only in its simplified and variant forms
   (which only the point's own card shows).
A study card then needs the common chunks and its deck's; a deck's session the same few files. Adding
a point changes only its deck's chunks (and their content hashes), so students keep the rest cached.

Needs Debian's fonts-noto-cjk (or its .ttc given with --source) and `pip install fonttools brotli`
(build time only):

    python scripts/build-hanzi-font.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "static" / "fonts"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACES = {"tc": ("Noto Sans CJK TC", "Study Hanzi TC"), "sc": ("Noto Sans CJK SC", "Study Hanzi SC")}
HEADER = "穴位"  # base.html's header, on every page
COMMON = 3  # a character in the names of at least this many decks is a common one
CHUNK = 24  # characters per chunk at most (about 10 KB): small pages, not too many requests


def is_hanzi(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def deck_names() -> list[list[tuple[str, str]]]:
    """Per deck file, per point: (its hanzi, its simplified and variant forms)."""
    decks = []
    for path in sorted((ROOT / "decks").glob("*.toml")):
        points = tomllib.loads(path.read_text(encoding="utf-8")).get("points", [])
        decks.append([(p.get("hanzi", ""), p.get("hanzi_simplified", "") + "".join(p.get("hanzi_variants", ())))
                      for p in points])
    return decks


def used_characters() -> set[str]:
    """Every Chinese character of the deck files (names or not), and the header's."""
    text = HEADER + "".join(path.read_text(encoding="utf-8") for path in (ROOT / "decks").glob("*.toml"))
    return {ch for ch in text if is_hanzi(ch)}


def pieces(characters: list[str]) -> list[str]:
    """`characters` in order, cut into as few chunks of at most CHUNK as can be, of even size."""
    if not characters:
        return []
    count = -(-len(characters) // CHUNK)
    size = -(-len(characters) // count)
    return ["".join(characters[start:start + size]) for start in range(0, len(characters), size)]


def chunk_characters(decks: list[list[tuple[str, str]]], used: set[str]) -> list[str]:
    chunks = [HEADER]
    placed = set(HEADER)
    in_names = Counter(ch for deck in decks for name, forms in deck for ch in set(name + forms) if is_hanzi(ch))
    in_decks = Counter(ch for deck in decks for ch in {ch for name, forms in deck for ch in name + forms})
    common = sorted((ch for ch in in_names if in_decks[ch] >= COMMON and ch not in placed),
                    key=lambda ch: (-in_names[ch], ch))
    chunks += pieces(common)
    placed.update(common)
    for deck in decks:
        names, forms = ("".join(name for name, _ in deck), "".join(forms for _, forms in deck))
        own = [ch for ch in dict.fromkeys(names + forms) if is_hanzi(ch) and ch not in placed]
        groups = [names, forms] if len(own) > CHUNK else [names + forms]
        for text in groups:
            new = [ch for ch in dict.fromkeys(text) if is_hanzi(ch) and ch not in placed]
            chunks += pieces(new)
            placed.update(new)
    chunks += pieces(sorted(used - placed))  # in the decks' other text, if any
    return chunks


def unicode_range(characters: str) -> str:
    codes = sorted(ord(ch) for ch in characters)
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def cut(font_file: Path, characters: str, target: Path) -> None:
    # recalcTimestamp off: the same characters give the same bytes, so the same content-hashed URL.
    font = TTFont(str(font_file), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keeps the copyright and the licence (OFL) in every file
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(str(target))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="NotoSansCJK-Regular.ttc")
    source = parser.parse_args().source
    chunks = chunk_characters(deck_names(), used_characters())
    everything = "".join(chunks)
    for old in FONTS.glob("hanzi-*.woff2"):
        old.unlink()
    collection = TTCollection(str(source), recalcTimestamp=False)
    rules = []
    for key, (noto, family) in FACES.items():
        whole = FONTS / f".hanzi-{key}-whole.ttf"  # the face cut to all our characters once, then split
        face = next(f for f in collection.fonts if f["name"].getDebugName(1) == noto)
        face.save(str(whole))
        cut(whole, everything, whole)
        total = 0
        for number, characters in enumerate(chunks):
            name = f"hanzi-{key}-{number:02}.woff2"
            cut(whole, characters, FONTS / name)
            total += (FONTS / name).stat().st_size
            rules.append(f'@font-face {{ font-family: "{family}"; src: url("{name}") format("woff2"); '
                         f"font-display: block;\n  unicode-range: {unicode_range(characters)}; }}")
        whole.unlink()
        print(f"{family}: {len(everything)} characters in {len(chunks)} chunks, {total // 1024} KiB in all")
    (FONTS / "hanzi.css").write_text(
        "/* Generated by scripts/build-hanzi-font.py: do not edit. Noto Sans CJK (SIL Open Font License,\n"
        "   LICENSE-noto-cjk.txt) cut to the characters of our decks, one file per chunk; a page downloads\n"
        "   only the chunks of the characters it shows. font-display: block: never a box in their place. */\n"
        + "\n".join(rules) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
