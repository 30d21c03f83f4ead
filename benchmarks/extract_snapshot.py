"""Save what the extractor reads from every test letter, and compare a later run with it.

A change meant only to make extraction faster must not change a single byte of its output.
This tool extracts every ``.txt`` letter under the given folders (default: ``tests/letters``,
``tests/review_requests`` and ``tests/files``), each once as bare text and once with the
name of its document (the corpus ``SOURCE:`` line, as ``workbench.evaluate`` reads it), plus
every ``.eml`` as ``workbench extract`` loads it, and with ``--pdf`` the two generated
200-page PDFs of ``benchmarks/bench_extract.py``. It writes the JSON of each extraction and
a manifest of their SHA-256 hashes.

Letters under a ``scoring`` folder are never to be read while the extractor changes: for
them only the hash is kept, and a comparison reports only how many differ.

Run from the checkout::

    .venv/bin/python benchmarks/extract_snapshot.py save OUT [--pdf]
    .venv/bin/python benchmarks/extract_snapshot.py compare OUT [--pdf]

``compare`` exits with status 1 when any output differs or is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from workbench.evaluate import letter_source, letter_text  # noqa: E402
from workbench.parsing.extract import extract, extract_document  # noqa: E402

DEFAULT_FOLDERS = ("tests/letters", "tests/review_requests", "tests/files")
MANIFEST = "manifest.json"


def is_scoring(key: str) -> bool:
    """Whether an output comes from a letter kept for scoring (never to be read)."""
    return "scoring" in Path(key).parts


def outputs(folders: list[Path], pdf: bool) -> Iterator[tuple[str, str]]:
    """Each extraction's key and its JSON, in a stable order."""
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            key = path.relative_to(ROOT).as_posix()
            raw = path.read_text(encoding="utf-8")
            text = letter_text(raw)
            yield key, _json(extract(text).to_json_dict())
            source = letter_source(raw)
            if source is not None:
                yield f"{key}#named", _json(extract(text, name=source).to_json_dict())
        for path in sorted(folder.rglob("*.eml")):
            key = path.relative_to(ROOT).as_posix()
            yield key, _json(extract_document(path).to_json_dict())
    if pdf:
        yield from _pdf_outputs()


def _pdf_outputs() -> Iterator[tuple[str, str]]:
    from bench_extract import PDF_LETTER, pdf_texts

    for title, text in pdf_texts(200, PDF_LETTER):
        yield f"pdf:{title}", _json(extract(text).to_json_dict())


def _json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_name(key: str) -> str:
    return key.replace("/", "__").replace(":", "_").replace(" ", "_") + ".json"


def save(out: Path, folders: list[Path], pdf: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, str] = {}
    for key, text in outputs(folders, pdf):
        manifest[key] = _digest(text)
        if not is_scoring(key):
            (out / _file_name(key)).write_text(text, encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    scoring = sum(is_scoring(key) for key in manifest)
    print(f"Saved {len(manifest)} extractions ({scoring} of scoring letters, hash only) to {out}")


def compare(out: Path, folders: list[Path], pdf: bool) -> int:
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    seen: set[str] = set()
    differ: list[str] = []
    scoring_differ = 0
    for key, text in outputs(folders, pdf):
        seen.add(key)
        if manifest.get(key) == _digest(text):
            continue
        if is_scoring(key):
            scoring_differ += 1
        else:
            differ.append(key)
            (out / (_file_name(key) + ".new")).write_text(text, encoding="utf-8")
    missing = sorted(set(manifest) - seen)
    letters = {key.partition("#")[0] for key in seen}
    scoring = sum(is_scoring(key) for key in seen)
    print(
        f"Compared {len(seen)} extractions of {len(letters)} letters "
        f"({scoring} extractions of scoring letters, by hash)"
    )
    print(f"  identical: {len(seen) - len(differ) - scoring_differ}")
    print(f"  differ: {len(differ)} (+ {scoring_differ} of scoring letters)")
    for key in differ:
        print(f"    {key}  (new output beside the saved one, .new)")
    if missing:
        print(f"  missing from this run: {len(missing)}")
    return 1 if differ or scoring_differ or missing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("out", type=Path, help="folder for the saved outputs and manifest")
    parser.add_argument("--folder", action="append", help="folder of letters (repeatable)")
    parser.add_argument("--pdf", action="store_true", help="also the two 200-page PDFs")
    args = parser.parse_args()
    folders = [ROOT / f for f in (args.folder or DEFAULT_FOLDERS)]
    if args.action == "save":
        save(args.out, folders, args.pdf)
    else:
        sys.exit(compare(args.out, folders, args.pdf))


if __name__ == "__main__":
    main()
