#!/usr/bin/env bash
# Forward-propagation throughput of the propagators next to the C reference kernels, in one
# session (quote the ratios, not the absolute figures: the machine is shared and noisy).
#   benchmarks/wave/compare.sh [runs]       # after mvn -B -q install -DskipTests
# Prints three C runs per grid (gcc -O3 -march=native -fopenmp, 2 threads) and the median of
# timed runs of each engine (WaveThroughput); the JMH equivalent is
#   java -jar benchmarks/target/adjoint-gradbench.jar jmh WaveBenchmarks
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/adjoint-gradbench.jar"
runs=${1:-7}
threads=${OMP_NUM_THREADS:-$(nproc)}
out=$(mktemp -d)
gcc -O3 -march=native -fopenmp "$here/stencil2d.c" -o "$out/stencil2d"
gcc -O3 -march=native -fopenmp "$here/stencil3d.c" -o "$out/stencil3d"
echo "== C reference, $threads threads"
for i in 1 2 3; do OMP_NUM_THREADS=$threads "$out/stencil2d" 1000 1000 200; done
for i in 1 2 3; do OMP_NUM_THREADS=$threads "$out/stencil3d" 200 40; done
echo "== Adjoint (Java path, OpenCL, Aparapi thread pool)"
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
# PoCL's LLVM replaces the JVM's signal handlers; the JDK's signal chaining keeps them working.
LD_PRELOAD="$java_home/lib/libjsig.so" java --add-modules jdk.incubator.vector -Dadjoint.wave.threads="$threads" \
  -cp "$jar" dev.adjoint.benchmarks.wave.WaveThroughput java,opencl,aparapi-jtp 2d-1000,3d-200 "$runs" 2>/dev/null
