#!/usr/bin/env bash
# Scale benchmark: brief and the peers (summa, sumy) on the same inputs, in one run. Prints a
# Markdown table of wall time, CPU time (user + system) and peak RSS per command; docs/performance.md
# keeps the table and the machine it ran on.
#
#   bench/scale.sh                       every row (an hour or more on 2 cores, most of it peers)
#   bench/scale.sh 1000 10000 long bbc   some rows: N articles, the long articles, the BBC set
#
# Inputs, made deterministically from ../shared/eval (never copied into the project):
# - N articles (default 1,000, 10,000 and 100,000): bench/make_corpus.py says how;
# - `long`: one article of 0.5 MB and one of 5 MB, the eval articles' paragraphs joined;
# - `bbc`: the 1,313 articles of ../shared/eval/bbc as one input folder (links to each
#   article.txt), with bench/bbc-threads.toml as the thread file.
# brief: `build` with threads discovered, `build` with a thread file (bench/scale-threads.toml),
# `summarize DIR` (a folder as one corpus). Peers, each in one Python process
# (bench/peers_scale.py): summa and sumy's TextRank on every article, and summa on the folder as
# one text; a peer that runs past PEER_TIMEOUT seconds is stopped and reported as such.
#
# Environment: BENCH_DIR (where the corpora are written; default /tmp/brief-bench),
# PEER_TIMEOUT (seconds, default 900), PEER_MEMORY_KB (default 8 GiB), PEERS=0 to leave the
# peers out.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
[[ -d $eval_dir ]] || { echo "skipped: $eval_dir is absent"; exit 0; }
work=${BENCH_DIR:-/tmp/brief-bench}
timeout_s=${PEER_TIMEOUT:-900}
peer_memory_kb=${PEER_MEMORY_KB:-8388608}
peers=${PEERS:-1}
rows=("$@")
[[ ${#rows[@]} -gt 0 ]] || rows=(1000 10000 100000 long bbc)

cargo build --release -q
brief=$PWD/target/release/brief
venv=""
if [[ $peers == 1 ]]; then
  venv=$(../shared/peers/setup.sh)
fi
mkdir -p "$work"

# warm DIR: reads every file of DIR once, so that no timed command pays for reading the disk (a
# 100k-article folder is 450 MB; with a small page cache the first command read it cold and its
# wall time exceeded its CPU time).
warm() {
  find -L "$1" -type f -exec cat {} + >/dev/null
}

# run LABEL TASK TIMEOUT CMD...: times CMD, prints a table row.
run() {
  local label=$1 task=$2 limit=$3
  shift 3
  local t="$work/time.txt" status=0
  timeout "$limit" /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >/dev/null 2>"$work/stderr.txt" || status=$?
  if [[ $status == 124 ]]; then
    echo "| $label | $task | did not finish in $limit s | | |"
  elif [[ $status != 0 ]]; then
    echo "| $label | $task | failed ($status): $(tail -c 200 "$work/stderr.txt" | tr '\n' ' ') | | |"
  else
    read -r wall user sys rss < <(tail -n 1 "$t")
    awk -v l="$label" -v k="$task" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
      'BEGIN { printf "| %s | %s | %.2f | %.2f | %.0f |\n", l, k, w, u + s, r / 1024 }'
  fi
}

# peer LABEL TASK SYSTEM FOLDER [SERIES]: a peer's row; one that ran out of time on a smaller
# input of the same series (generated corpora, long articles) is not run again on a larger one.
declare -A out_of_time=()
peer() {
  [[ $peers == 1 ]] || return 0
  local key="${5:-}$2"
  if [[ -n ${out_of_time[$key]:-} ]]; then
    echo "| $1 | $2 | not run: did not finish on ${out_of_time[$key]} | | |"
    return 0
  fi
  local row
  # Peers run under a memory cap: summa's graph over one long text grows with its square.
  row=$(run "$1" "$2" "$timeout_s" bash -c "ulimit -v $peer_memory_kb && exec \"\$@\"" peer \
    "$venv/bin/python" bench/peers_scale.py "$3" "$4")
  if [[ $row == *MemoryError* ]]; then
    row="| $1 | $2 | failed: out of memory (over $((peer_memory_kb / 1048576)) GiB) | | |"
  fi
  echo "$row"
  [[ $row != *"did not finish"* ]] || out_of_time[$key]=$1
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version); brief $(git rev-parse --short HEAD)"
echo
echo "| input | command | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
for row in "${rows[@]}"; do
  case $row in
    long)
      for size in 500000 5000000; do
        dir=$work/long-$size
        [[ -f $dir/long.txt ]] || python3 bench/make_corpus.py long "$size" "$dir"
        warm "$dir"
        label="one article of $(awk -v s="$size" 'BEGIN { printf "%.1f MB", s / 1e6 }')"
        run "$label" "brief build" 600 "$brief" build -q --input "$dir" --out "$work/out" --date 2025-01-01
        run "$label" "brief summarize FILE" 600 "$brief" summarize "$dir/long.txt"
        peer "$label" "summa, the article" summa "$dir" long
        peer "$label" "sumy TextRank, the article" sumy "$dir" long
      done
      ;;
    bbc)
      dir=$work/bbc
      if [[ ! -d $dir ]]; then
        mkdir -p "$dir"
        for a in "$eval_dir"/bbc/*/*/article.txt; do
          rel=${a#"$eval_dir"/bbc/}
          ln -s "$(realpath "$a")" "$dir/$(dirname "$rel" | tr / -).txt"
        done
      fi
      warm "$dir"
      label="BBC, $(find "$dir" -name '*.txt' | wc -l) articles"
      # Short runs on a shared machine vary with the hypervisor's steal: five rounds, each running
      # every command once in turn (so both sides meet the same conditions), then each command's
      # median. With a thread file, `build` also discovers threads among the articles it leaves
      # unclaimed (issue 9); `--no-discover` is the build with a thread file alone, as issue 8
      # timed it.
      ours=() alone=() theirs=()
      for ((k = 0; k < 5; k++)); do
        ours+=("$(run "$label" "brief build (thread file), median of 5" 600 "$brief" build -q --input "$dir" --out "$work/out" --date 2025-01-01 --threads bench/bbc-threads.toml --follow)")
        alone+=("$(run "$label" "brief build (thread file, --no-discover), median of 5" 600 "$brief" build -q --input "$dir" --out "$work/out" --date 2025-01-01 --threads bench/bbc-threads.toml --no-discover --follow)")
        [[ $peers == 1 ]] && theirs+=("$(peer "$label" "summa, each article, median of 5" summa "$dir" bbc)")
      done
      middle() { printf '%s\n' "$@" | sort -t'|' -k4,4g | sed -n 3p; }
      ours=$(middle "${ours[@]}") alone=$(middle "${alone[@]}")
      echo "$ours"
      echo "$alone"
      [[ $peers == 1 ]] || continue
      theirs=$(middle "${theirs[@]}")
      echo "$theirs"
      for pair in "build (thread file):$ours" "build --no-discover:$alone"; do
        ratio=$(awk -F'|' -v a="${pair#*:}" -v b="$theirs" 'BEGIN { split(a, x, "|"); split(b, y, "|"); if (x[4] + 0 > 0 && y[4] + 0 > 0) printf "%.1f", y[4] / x[4] }')
        [[ -z $ratio ]] || echo "| $label | summa's wall time / brief ${pair%%:*} | ${ratio}× | | |"
      done
      ;;
    *)
      dir=$work/articles-$row
      [[ -f $dir/done ]] || { rm -rf "$dir"; python3 bench/make_corpus.py articles "$row" "$dir" && touch "$dir/done"; }
      warm "$dir"
      label="$(printf "%'d" "$row") articles"
      run "$label" "brief build (threads discovered)" 3600 "$brief" build -q --input "$dir" --out "$work/out" --date 2025-01-01
      run "$label" "brief build (thread file)" 3600 "$brief" build -q --input "$dir" --out "$work/out" --date 2025-01-01 --threads bench/scale-threads.toml
      run "$label" "brief summarize DIR" 3600 "$brief" summarize "$dir"
      peer "$label" "summa, each article" summa "$dir" articles
      peer "$label" "sumy TextRank, each article" sumy "$dir" articles
      peer "$label" "summa, folder as one text" summa-corpus "$dir" articles
      ;;
  esac
done
