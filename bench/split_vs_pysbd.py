#!/usr/bin/env python3
"""Sentence-splitting speed, brief against pySBD, on the same text in one run.

The text is every BBC article under ../shared/eval/bbc (read in place, never copied into the
project), joined with blank lines into one temporary file. pySBD (0.3.4, clean=False, one call per
paragraph, as ../shared/peers/compare.py uses it) and `brief split` (one process for the whole
file, start-up included) each split it; the script prints MB/s for both and the ratio.

    venv=$(../shared/peers/setup.sh)
    cargo build --release
    $venv/bin/python bench/split_vs_pysbd.py
"""
import os, subprocess, sys, tempfile, time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
bbc = os.path.join(root, "..", "shared", "eval", "bbc")
if not os.path.isdir(bbc):
    sys.exit(f"skipped: {bbc} is absent")
brief = os.path.join(root, "target", "release", "brief")
if not os.path.exists(brief):
    sys.exit("build first: cargo build --release")

texts = []
for d, dirs, files in os.walk(bbc):
    dirs.sort()
    if "article.txt" in files:
        texts.append(open(os.path.join(d, "article.txt"), encoding="utf-8").read().strip())
text = "\n\n".join(texts) + "\n"
mb = len(text.encode("utf-8")) / 1e6

import pysbd
seg = pysbd.Segmenter(language="en", clean=False)
t = time.perf_counter()
n_pysbd = 0
for para in text.split("\n"):
    if para.strip():
        n_pysbd += len(seg.segment(para))
pysbd_s = time.perf_counter() - t

with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    f.write(text)
    path = f.name
best = None
for _ in range(3):
    t = time.perf_counter()
    out = subprocess.run([brief, "split", "--language", "en", path], capture_output=True, check=True).stdout
    s = time.perf_counter() - t
    best = s if best is None else min(best, s)
os.unlink(path)
n_brief = out.count(b"\n")

print(f"text: {len(texts)} BBC articles, {mb:.2f} MB")
print(f"pySBD 0.3.4: {n_pysbd} sentences in {pysbd_s:.2f} s = {mb / pysbd_s:.3f} MB/s")
print(f"brief split: {n_brief} sentences in {best:.3f} s (best of 3, process start included) = {mb / best:.2f} MB/s")
print(f"brief is {pysbd_s / best:.0f}x pySBD")
