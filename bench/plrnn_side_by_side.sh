#!/usr/bin/env bash
# PLRNN training step, longlag vs PyTorch, side by side: for each configuration longlag runs, then the
# PyTorch loop on the same shapes, right after it (the machine is noisy: compare the ratios).
#   bench/plrnn_side_by_side.sh [--hidden 40,64,128,256] [--batch 32] [--lengths 100,500] [--threads 1] [--seconds 6] [--repeat 3]
# Each configuration is measured --repeat times, alternating longlag and PyTorch; prints every measurement and one
# 'ratio' line per configuration and clock: the median of the repeats' ratios longlag / PyTorch (above 1: longlag
# faster), by wall time and by CPU time of each process (steadier on a shared machine: waiting for a core is not
# counted; with --threads 2 it adds both threads' time).
main() {
  set -euo pipefail
  local here hidden batch lengths threads seconds repeat cp th b t m i ll pt a p ac pc ratios cpuratios kind list jvm
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  hidden=40,64,128,256 batch=32 lengths=100,500 threads=1 seconds=6 repeat=3
  while [ $# -gt 0 ]; do
    case "$1" in
      --hidden) hidden="$2" ;; --batch) batch="$2" ;; --lengths) lengths="$2" ;;
      --threads) threads="$2" ;; --seconds) seconds="$2" ;; --repeat) repeat="$2" ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift 2
  done
  (cd "$here" && mvn -q -B -o -DskipTests -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime \
      package dependency:build-classpath -pl bench -am) >&2
  export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
  cp="$here/bench/target/classes:$(cat "$here/bench/target/classpath.txt")"
  jvm="$("$here/scripts/java-options")"  # the Vector API and the OpenBLAS (LONGLAG_BLAS); scripts/java-options
  err="$(mktemp)"  # global: the EXIT trap runs after main has returned
  trap 'rm -f "$err"' EXIT
  echo "longlag's JVM options: $jvm (LONGLAG_BLAS=${LONGLAG_BLAS:-auto})"
  for th in ${threads//,/ }; do
    for b in ${batch//,/ }; do
      for t in ${lengths//,/ }; do
        for m in ${hidden//,/ }; do
          ratios="" cpuratios=""
          for ((i = 0; i < repeat; i++)); do
            # shellcheck disable=SC2086
            ll=$(java -Xmx4g $jvm -cp "$cp" org.longlag.bench.PlrnnThroughput --hidden "$m" --batch "$b" --lengths "$t" \
                   --threads "$th" --seconds "$seconds" 2>"$err" | grep '^longlag') \
              || { echo "longlag's run failed (M=$m B=$b T=$t); its stderr ends:" >&2; tail -n 30 "$err" >&2; exit 1; }
            pt=$(/usr/bin/python3 "$here/bench/plrnn_torch_bench.py" --hidden "$m" --batch "$b" --lengths "$t" \
                   --threads "$th" --seconds "$seconds" 2>"$err") \
              || { echo "PyTorch's run failed (M=$m B=$b T=$t); its stderr ends:" >&2; tail -n 30 "$err" >&2; exit 1; }
            echo "$ll"
            echo "$pt"
            a=$(sed -E 's/.*train ([0-9.]+) seq\/s.*/\1/' <<<"$ll")
            p=$(sed -E 's/.*train ([0-9.]+) seq\/s.*/\1/' <<<"$pt")
            ac=$(sed -E 's/.*, ([0-9.]+) seq\/cpu-s.*/\1/' <<<"$ll")
            pc=$(sed -E 's/.*, ([0-9.]+) seq\/cpu-s.*/\1/' <<<"$pt")
            ratios="$ratios $(awk -v a="$a" -v p="$p" 'BEGIN { printf "%.3f", a / p }')"
            cpuratios="$cpuratios $(awk -v a="$ac" -v p="$pc" 'BEGIN { printf "%.3f", a / p }')"
          done
          for kind in wall cpu; do
            [ "$kind" = wall ] && list="$ratios" || list="$cpuratios"
            echo "$list" | tr ' ' '\n' | grep . | sort -g | awk -v m="$m" -v b="$b" -v t="$t" -v th="$th" -v k="$kind" \
              '{ r[NR] = $1 } END { printf "ratio (%s time) threads=%s M=%s B=%s T=%s: longlag/torch median %.2f (min %.2f, max %.2f, %d runs)\n", k, th, m, b, t, r[int((NR + 1) / 2)], r[1], r[NR], NR }'
          done
        done
      done
    done
  done
}

main "$@"  # in a function: bash has read all of it before it starts, so editing the file cannot upset a run
