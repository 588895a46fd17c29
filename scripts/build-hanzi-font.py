"""Rebuild static/fonts/hanzi-*.woff2: Noto Sans CJK cut down to the characters our decks use.

Students' phones and computers without Chinese fonts would otherwise show empty boxes for the
hanzi. Needs Debian's fonts-noto-cjk and `pip install fonttools brotli` (build time only):

    python scripts/build-hanzi-font.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACES = {"hanzi-tc": "Noto Sans CJK TC", "hanzi-sc": "Noto Sans CJK SC"}
EXTRA = "穴位"  # the header


def used_characters() -> str:
    text = EXTRA + "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "decks").glob("*.toml")))
    return "".join(sorted({ch for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"}))


def main() -> int:
    characters = used_characters()
    collection = TTCollection(str(SOURCE))
    for name, family in FACES.items():
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == family)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        target = ROOT / "static" / "fonts" / f"{name}.woff2"
        font.flavor = "woff2"
        font.save(str(target))
        print(f"{target.relative_to(ROOT)}: {len(characters)} characters, {target.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
