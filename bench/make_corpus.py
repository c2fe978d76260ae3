#!/usr/bin/env python3
"""Makes a benchmark corpus deterministically from the real articles of ../shared/eval.

    bench/make_corpus.py articles N OUT   N articles in OUT/<k>/<i>.txt (1,000 per subfolder)
    bench/make_corpus.py long BYTES OUT   one article of about BYTES bytes in OUT/long.txt

How (the same arguments always give the same bytes):
- Sources: every article of ../shared/eval (cnndm, bbc and wikiref220: 2,175 articles), read in
  place, sorted by path, then put in a fixed pseudo-random order (seed 7). Each is cut into
  paragraphs (blank lines or line breaks) and sentences (a plain regex: after . ! ? before a
  capital or a quote); a BBC title becomes the article's first line.
- Article i is a version of source i mod 2,175. The first 2,175 articles are the real articles,
  as written. Article i >= 2,175 is another outlet's take on the same story: each sentence kept
  with probability 0.85, and one to three sentences from other stories inserted (seeded by i).
  So a corpus of N articles holds min(N, 2,175) stories, the large ones repeated N / 2,175 times
  over, as a day's wire copy is.
- `long` joins the sources' paragraphs, in that order, until the size is reached: one article
  whose terms recur as a real long text's do.

The text belongs to its publishers: write the corpus outside the project (e.g. /tmp), never
commit it.
"""
import os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[A-Z\"“‘(])")


def sources():
    if not os.path.isdir(EVAL):
        sys.exit(f"skipped: {EVAL} is absent")
    paths = []
    for d, dirs, files in os.walk(EVAL):
        dirs.sort()
        if "article.txt" in files:
            paths.append((os.path.join(d, "article.txt"), os.path.join(d, "title.txt")))
    wiki = os.path.join(EVAL, "wikiref220", "articles")
    if os.path.isdir(wiki):
        paths += [(os.path.join(wiki, f), None) for f in sorted(os.listdir(wiki))]
    paths.sort()
    out = []
    for body_path, title_path in paths:
        body = open(body_path, encoding="utf-8").read()
        title = None
        if title_path and os.path.exists(title_path):
            title = open(title_path, encoding="utf-8").read().strip()
        paras = []
        for para in re.split(r"\n\s*\n|\n", body):
            para = " ".join(para.split())
            if para:
                paras.append([s for s in SENT.split(para) if s])
        if paras:
            out.append((title, paras))
    random.Random(7).shuffle(out)
    return out


def article(i, srcs):
    title, paras = srcs[i % len(srcs)]
    if i >= len(srcs):
        rng = random.Random(i)
        paras = [[s for s in p if rng.random() < 0.85] for p in paras]
        paras = [p for p in paras if p] or [srcs[i % len(srcs)][1][0]]
        for _ in range(rng.randint(1, 3)):
            other = srcs[rng.randrange(len(srcs))][1]
            sentence = rng.choice(rng.choice(other))
            p = rng.randrange(len(paras))
            paras[p] = paras[p][:] + [sentence]
    text = "\n\n".join(" ".join(p) for p in paras) + "\n"
    return (title + "\n\n" + text) if title else text


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("articles", "long"):
        sys.exit(__doc__)
    kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    srcs = sources()
    os.makedirs(out, exist_ok=True)
    if kind == "articles":
        for i in range(size):
            sub = os.path.join(out, f"{i // 1000:03d}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
                f.write(article(i, srcs))
    else:
        parts, total, k = [], 0, 0
        while total < size:
            for p in srcs[k % len(srcs)][1]:
                para = " ".join(p)
                parts.append(para)
                total += len(para.encode("utf-8")) + 2
                if total >= size:
                    break
            k += 1
        with open(os.path.join(out, "long.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
