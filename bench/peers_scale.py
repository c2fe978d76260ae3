#!/usr/bin/env python3
"""The peers on a folder of articles, in one Python process, for bench/scale.sh.

    $venv/bin/python bench/peers_scale.py SYSTEM FOLDER

SYSTEM is one of
  summa         summa.summarizer.summarize(text, words=75) on each article (about brief's three
                key lines per article);
  sumy          sumy's TextRank, three sentences per article (sentences from pysbd, as
                ../shared/peers/compare.py gives them, since NLTK's Punkt data cannot be
                installed here);
  summa-corpus  summa on the whole folder as one text (words=100), as `brief summarize DIR`
                takes a folder.
Articles are every *.txt and *.md under FOLDER, sorted by path. Prints the number of articles
and summaries; bench/scale.sh times the process (wall, CPU, peak RSS) from outside.
"""
import os, re, sys


def articles(folder):
    paths = []
    for d, dirs, files in os.walk(folder, followlinks=True):
        dirs.sort()
        paths += [os.path.join(d, f) for f in files if f.endswith((".txt", ".md"))]
    paths.sort()
    for p in paths:
        yield open(p, encoding="utf-8").read()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    system, folder = sys.argv[1], sys.argv[2]
    done = 0
    if system == "summa":
        from summa import summarizer
        for text in articles(folder):
            summarizer.summarize(text, words=75)
            done += 1
    elif system == "sumy":
        import pysbd
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words
        from sumy.summarizers.text_rank import TextRankSummarizer

        seg = pysbd.Segmenter(language="en", clean=False)
        word = re.compile(r"\w+", re.UNICODE)

        class Tokenizer:
            language = "english"

            def to_sentences(self, paragraph):
                return tuple(s.strip() for s in seg.segment(paragraph) if s.strip())

            def to_words(self, sentence):
                return tuple(word.findall(sentence))

        summarizer = TextRankSummarizer(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        for text in articles(folder):
            doc = PlaintextParser.from_string(text, Tokenizer()).document
            summarizer(doc, 3)
            done += 1
    elif system == "summa-corpus":
        from summa import summarizer
        texts = list(articles(folder))
        summarizer.summarize("\n\n".join(texts), words=100)
        done = len(texts)
    else:
        sys.exit(f"unknown system {system!r}\n{__doc__}")
    print(f"{system}: {done} articles")


if __name__ == "__main__":
    main()
