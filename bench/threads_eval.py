#!/usr/bin/env python3
"""Scores brief's discovered threads against story labels: B-cubed precision, recall and F1,
adjusted Rand index and NMI (arithmetic normalisation). Plain Python, no dependency.

    bench/threads_eval.py [BRIEF] [ARTICLES LABELS]

BRIEF defaults to target/release/brief; ARTICLES and LABELS to ../shared/eval/wikiref220's
`articles/` and `labels.tsv` (file, label, ...). brief builds the folder with no thread file
(`--format json`); each thread is a cluster and each article of "Other" a cluster of its own.
Also prints the sample corpus's threads (input/*.txt without threads.toml).
"""
import collections, json, math, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def threads(brief, folder):
    out = tempfile.mkdtemp()
    p = subprocess.run([brief, "build", "-q", "--input", folder, "--out", out, "--format", "json",
                        "--date", "2025-01-01"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"brief failed on {folder}:\n{p.stderr}")
    b = json.load(open(os.path.join(out, "2025-01-01.json"), encoding="utf-8"))
    shutil.rmtree(out)
    clusters = {}
    for t in b["threads"]:
        for a in t["articles"]:
            clusters[a["file"]] = ("other:" + a["file"]) if t["other"] else t["name"]
    return b, clusters


def comb2(n):
    return n * (n - 1) / 2


def scores(truth, pred):
    items = sorted(truth)
    n = len(items)
    by_t, by_p = collections.defaultdict(set), collections.defaultdict(set)
    for i in items:
        by_t[truth[i]].add(i)
        by_p[pred[i]].add(i)
    p = sum(len(by_p[pred[i]] & by_t[truth[i]]) / len(by_p[pred[i]]) for i in items) / n
    r = sum(len(by_p[pred[i]] & by_t[truth[i]]) / len(by_t[truth[i]]) for i in items) / n
    f = 2 * p * r / (p + r)
    cont = collections.Counter((truth[i], pred[i]) for i in items)
    a = collections.Counter(truth[i] for i in items)
    b = collections.Counter(pred[i] for i in items)
    index = sum(comb2(v) for v in cont.values())
    sa, sb = sum(comb2(v) for v in a.values()), sum(comb2(v) for v in b.values())
    expected = sa * sb / comb2(n)
    ari = (index - expected) / (0.5 * (sa + sb) - expected)
    mi = sum(v / n * math.log(n * v / (a[t] * b[q])) for (t, q), v in cont.items())
    h = lambda c: -sum(v / n * math.log(v / n) for v in c.values())
    nmi = mi / ((h(a) + h(b)) / 2) if h(a) + h(b) > 0 else 1.0
    # Purity: each cluster counted by its commonest label; inverse purity, the other way round.
    best_p, best_t = collections.Counter(), collections.Counter()
    for (t, q), v in cont.items():
        best_p[q] = max(best_p[q], v)
        best_t[t] = max(best_t[t], v)
    purity, inverse = sum(best_p.values()) / n, sum(best_t.values()) / n
    return p, r, f, ari, nmi, len(by_p), purity, inverse


def main():
    args = sys.argv[1:]
    brief = args[0] if args else os.path.join(ROOT, "target", "release", "brief")
    wiki = os.path.join(ROOT, "..", "shared", "eval", "wikiref220")
    folder = args[1] if len(args) > 2 else os.path.join(wiki, "articles")
    labels = args[2] if len(args) > 2 else os.path.join(wiki, "labels.tsv")
    sample = tempfile.mkdtemp()
    for f in sorted(os.listdir(os.path.join(ROOT, "input"))):
        if f.endswith(".txt"):
            shutil.copy(os.path.join(ROOT, "input", f), sample)
    b, got = threads(brief, sample)
    shutil.rmtree(sample)
    names = [f"{t['name']} ({', '.join(a['id'][:3] for a in t['articles'])})" for t in b["threads"]]
    print("sample without threads.toml:", "; ".join(names))
    if not os.path.exists(labels):
        print(f"skipped: {labels} is absent")
        return
    truth = {}
    for line in open(labels, encoding="utf-8").read().splitlines()[1:]:
        cols = line.split("\t")
        truth[cols[0]] = cols[1]
    b, pred = threads(brief, folder)
    missing = set(truth) - set(pred)
    if missing:
        sys.exit(f"brief left out {len(missing)} labelled files")
    p, r, f, ari, nmi, k, purity, inverse = scores(truth, {i: pred[i] for i in truth})
    print(f"{folder}: {len(truth)} articles, {k} clusters "
          f"({sum(1 for t in b['threads'] if not t['other'])} threads)")
    print(f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; ARI {ari:.3f}; NMI {nmi:.3f}; "
          f"purity {purity:.3f}, inverse purity {inverse:.3f}")
    # The thread holding most of each labelled story's articles, and its name.
    sizes = collections.Counter(truth.values())
    for label, size in sizes.most_common():
        if size < 10:
            break
        held = collections.Counter(pred[i] for i in truth if truth[i] == label)
        thread, count = held.most_common(1)[0]
        print(f"  {label}: {count} of {size} in {thread!r}")


if __name__ == "__main__":
    main()
