#!/usr/bin/env python3
"""Sanity check for the hand-labelled quote fixture.

For every *.toml file here: load it, resolve the article path ("eval:" prefix ->
/work/shared/eval/..., otherwise relative to the project root), and assert that
every `starts` anchor occurs in the article text right after an opening quote mark
(more than once only gives a warning: a quote repeated
verbatim, e.g. in a photo caption, is labelled once), that it is 3 to 6 words long, and that every file has at least one
quote. Prints per-set counts at the end.

    check.py [FOLDER]

FOLDER defaults to this one; for a folder below it (heldout/), the check also fails when one of
its articles is labelled here too, so a held-out article is never one the extractor was built on.
"""
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # /work/main
EVAL = ROOT.parent / "shared" / "eval"
OPENERS = "\"“‘'"


def resolve(article: str) -> pathlib.Path:
    if article.startswith("eval:"):
        return EVAL / article[len("eval:"):]
    return ROOT / article


def main() -> int:
    errors = []
    warnings = []
    folder = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    dev_articles = set()
    if folder != HERE:
        for path in HERE.glob("*.toml"):
            with path.open("rb") as fh:
                dev_articles.add(tomllib.load(fh)["article"])
    files = sorted(folder.glob("*.toml"))
    per_set = {}
    n_quotes = n_empty = skipped = 0
    for path in files:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        if data["article"] in dev_articles:
            errors.append(f"{path.name}: article also labelled in {HERE}")
        art = resolve(data["article"])
        if data["article"].startswith("eval:") and not EVAL.is_dir():
            skipped += 1
            continue
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
            # the anchor must begin right after an opening quote mark, once
            hits = [m.start() for m in re.finditer(re.escape(starts), text)
                    if m.start() > 0 and text[m.start() - 1] in OPENERS]
            if not hits:
                errors.append(f"{path.name}: anchor does not follow an opening quote mark: {starts!r}")
            elif len(hits) > 1:
                # allowed only for a quote repeated verbatim (e.g. in a photo caption)
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
