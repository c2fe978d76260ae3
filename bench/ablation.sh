#!/usr/bin/env bash
# Ablation of brief's ranking choices on ../shared/eval/{cnndm,bbc}: each row turns one choice off
# (or swaps it), scored by `brief eval` (ROUGE F1 x100, R-1 / R-2, at the reference's length) on
# the first half of each set (where the defaults were chosen) and on the second (held out).
# Prints the Markdown table in docs/quality.md.
#   cargo build --release && bench/ablation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
brief=target/release/brief
eval_dir=../shared/eval
[[ -d $eval_dir ]] || { echo "skipped: $eval_dir is absent"; exit 0; }
rows=(
  "defaults (adaptive PacSum/PageRank, overlap, min 6 words, furniture filters)|"
  "plain TextRank: PageRank only (position-aware off)|--ranker pagerank"
  "PageRank with a lead-biased teleport, (p+1)^-1|--ranker pagerank --position-bias 1"
  "PacSum only (backward -1)|--ranker pacsum"
  "adaptive with PacSum backward -2|--pacsum-backward -2"
  "adaptive, ramp 0.2 instead of 0.3|--ramp 0.2"
  "similarity TF-IDF cosine instead of overlap|--similarity tf-idf"
  "similarity BM25 instead of overlap|--similarity bm25"
  "length filter off (min 0 words)|--min-words 0"
  "length filter min 10 words|--min-words 10"
  "inline furniture filters off|--keep-furniture"
)
score() { "$brief" eval "$@" | awk '/ROUGE-1|ROUGE-2/{printf "%s ", $4}' | awk '{printf "%s / %s", $1, $2}'; }
echo "| row | flags | cnndm 1/2 | cnndm 2/2 | bbc 1/2 | bbc 2/2 |"
echo "|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  name=${row%%|*}; flags=${row#*|}
  # shellcheck disable=SC2086
  echo "| $name | \`${flags:-(none)}\` | $(score --part 1/2 $flags $eval_dir/cnndm) | $(score --part 2/2 $flags $eval_dir/cnndm) | $(score --part 1/2 $flags $eval_dir/bbc) | $(score --part 2/2 $flags $eval_dir/bbc) |"
done
