#!/usr/bin/env python3
"""Sanity check for the held-out quote fixture (same checks as ../check.py, for this folder).

For every *.toml file here: load it, resolve the article path ("eval:" prefix ->
/work/shared/eval/..., otherwise relative to the project root), and assert that every
`starts` anchor occurs in the article right after an opening quote mark (more than once
only warns), is 3 to 6 words long, is not repeated in the file, that every file has at
least one quote, and that no article here is also labelled in the development set (..).
"""
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
DEV = HERE.parent
ROOT = HERE.parents[3]  # /work/main
EVAL = ROOT.parent / "shared" / "eval"
OPENERS = "\"“‘'"


def resolve(article: str) -> pathlib.Path:
    if article.startswith("eval:"):
        return EVAL / article[len("eval:"):]
    return ROOT / article


def main() -> int:
    errors, warnings = [], []
    dev_articles = set()
    for path in DEV.glob("*.toml"):
        with path.open("rb") as fh:
            dev_articles.add(tomllib.load(fh)["article"])
    files = sorted(HERE.glob("*.toml"))
    per_set = {}
    n_quotes = n_empty = skipped = 0
    for path in files:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        if data["article"] in dev_articles:
            errors.append(f"{path.name}: article also labelled in the development set")
        if data["article"].startswith("eval:") and not EVAL.is_dir():
            skipped += 1
            continue
        art = resolve(data["article"])
        if not art.is_file():
            errors.append(f"{path.name}: article not found: {art}")
            continue
        text = art.read_text(encoding="utf-8")
        quotes = data.get("quote", [])
        if not quotes:
            errors.append(f"{path.name}: no quotes")
        seen = set()
        for q in quotes:
            starts, speaker = q["starts"], q["speaker"]
            if set(q) != {"starts", "speaker"}:
                errors.append(f"{path.name}: unexpected keys {sorted(q)}")
            if starts in seen:
                errors.append(f"{path.name}: duplicate anchor {starts!r}")
            seen.add(starts)
            if starts not in text:
                errors.append(f"{path.name}: anchor not in article: {starts!r}")
                continue
            nwords = len(starts.split())
            if not 3 <= nwords <= 6:
                errors.append(f"{path.name}: anchor has {nwords} words: {starts!r}")
            hits = [m.start() for m in re.finditer(re.escape(starts), text)
                    if m.start() > 0 and text[m.start() - 1] in OPENERS]
            if not hits:
                errors.append(f"{path.name}: anchor does not follow an opening quote mark: {starts!r}")
            elif len(hits) > 1:
                warnings.append(f"{path.name}: anchor follows a quote mark {len(hits)} times: {starts!r}")
            n_quotes += 1
            n_empty += speaker.strip() == ""
        key = path.name.split("-")[0]
        per_set[key] = per_set.get(key, 0) + 1
    if skipped:
        print(f"SKIPPED {skipped} files: evaluation data not found at {EVAL}")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print(f"files: {len(files)} {per_set}; quotes: {n_quotes}; empty speaker: {n_empty}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
