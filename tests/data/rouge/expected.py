#!/usr/bin/env python3
"""Computes expected.json from pairs.json with rouge-score 0.1.2 (Google's ROUGE), the scorer
../shared/peers uses: ROUGE-1/2/L precision, recall and F1, Porter stemming on and off, each
averaged over the pair's references. Run once with the peers' venv; the result is committed.

    venv=$(../shared/peers/setup.sh); $venv/bin/python tests/data/rouge/expected.py
"""
import json, os, statistics
from rouge_score import rouge_scorer

here = os.path.dirname(os.path.abspath(__file__))
pairs = json.load(open(os.path.join(here, "pairs.json"), encoding="utf-8"))
out = []
for stem in (True, False):
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=stem)
    for i, p in enumerate(pairs):
        got = [scorer.score(r, p["summary"]) for r in p["references"]]
        row = {"pair": i, "stem": stem}
        for k in ("rouge1", "rouge2", "rougeL"):
            for m in ("precision", "recall", "fmeasure"):
                row[f"{k}_{m}"] = statistics.mean(getattr(g[k], m) for g in got)
        out.append(row)
json.dump(out, open(os.path.join(here, "expected.json"), "w"), indent=1)
print(f"{len(out)} rows written")
