#!/usr/bin/env bash
# The propagators' forward throughput on a machine with an OpenCL GPU but no Java or build tools.
#
#   benchmarks/wave/gpu/run-on-gpu.sh prepare      # here, after mvn -B -q install -DskipTests:
#                                                  # a bundle in benchmarks/target/gpu-bundle
#   benchmarks/wave/gpu/run-on-gpu.sh run [DIR]    # there: OpenCL throughput, 2D 1000^2 and 3D 200^3,
#                                                  # in Gpts/s next to the memory-bandwidth roofline
#
# The bundle (under 64 MiB) holds a jlink'd Java runtime, the jars the propagators need (Aparapi's
# native library for linux-x86_64 only) and the OpenCL ICD loader, which the GPU machine's driver
# may not ship. The roofline assumes about 20 bytes moved per updated point in float32 (read the
# current and previous levels and the coefficients, write the next level) and takes the device's
# bandwidth from BANDWIDTH_GBS (default 4800: an H200's HBM3e).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

prepare() {
  local out="$root/benchmarks/target/gpu-bundle"
  local m2="${M2_REPO:-$HOME/.m2/repository}"
  rm -rf "$out" && mkdir -p "$out/lib" "$out/native"
  local java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  "$java_home/bin/jlink" --add-modules java.base,java.logging,java.desktop,jdk.incubator.vector,jdk.unsupported \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/jre"
  cp "$root/annotations/target/adjoint-annotations-0.1.0-SNAPSHOT.jar" \
     "$root/runtime/target/adjoint-runtime-0.1.0-SNAPSHOT.jar" \
     "$root/gpu-kernels/target/adjoint-gpu-kernels-0.1.0-SNAPSHOT.jar" \
     "$root/benchmarks/target/adjoint-benchmarks-0.1.0-SNAPSHOT.jar" "$out/lib/"
  cp "$m2/com/aparapi/aparapi/3.0.2/aparapi-3.0.2.jar" "$m2/org/apache/bcel/bcel/6.5.0/bcel-6.5.0.jar" \
     "$m2/org/scala-lang/scala-library/2.13.12/scala-library-2.13.12.jar" "$out/lib/"
  # Aparapi's JNI jar carries every platform's library (70 MB unpacked): keep linux-x86_64 only.
  local jni="$m2/com/aparapi/aparapi-jni/1.4.3/aparapi-jni-1.4.3.jar"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && unzip -q "$jni" && find . -name '*.dll' -delete -o -name '*.dylib' -delete \
     -o -name '*aarch64*' -delete -o -name '*armhf*' -delete -o -name 'libaparapi_x86.so' -delete \
     && zip -q -r "$out/lib/aparapi-jni-linux-x86_64.jar" .)
  rm -rf "$tmp"
  cp -L /usr/lib/x86_64-linux-gnu/libOpenCL.so.1 "$out/native/"
  cp "$here/run-on-gpu.sh" "$out/"
  du -sh "$out"
}

run() {
  local dir="${1:-$root/benchmarks/target/gpu-bundle}"
  local cp
  cp=$(ls "$dir"/lib/*.jar | tr '\n' ':')
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,clocks.max.memory --format=csv || true
  ls /etc/OpenCL/vendors 2>/dev/null || echo "no /etc/OpenCL/vendors"
  # The GPU's own ICD file may be missing where only CUDA is installed: point at NVIDIA's library.
  if [ ! -d /etc/OpenCL/vendors ] && [ -z "${OCL_ICD_VENDORS:-}" ]; then
    local nv
    nv=$(ls /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 /usr/lib64/libnvidia-opencl.so.1 2>/dev/null | head -1 || true)
    if [ -n "$nv" ]; then
      mkdir -p "$dir/vendors" && echo "$nv" > "$dir/vendors/nvidia.icd"
      export OCL_ICD_VENDORS="$dir/vendors"
    fi
  fi
  local out
  out=$(LD_LIBRARY_PATH="$dir/native:${LD_LIBRARY_PATH:-}" LD_PRELOAD="$dir/jre/lib/libjsig.so" \
    "$dir/jre/bin/java" --add-modules jdk.incubator.vector -cp "$cp" \
    dev.adjoint.benchmarks.wave.WaveThroughput opencl,java 2d-1000,3d-200 9 2>&1)
  echo "$out"
  local bw=${BANDWIDTH_GBS:-4800}
  echo "$out" | awk -v bw="$bw" '$2 == "opencl" && $3 ~ /^[0-9]/ {
    printf "%s OpenCL: %.1f Gpts/s = %.0f%% of the %.0f Gpts/s roofline (%s GB/s / 20 B per point)\n",
      $1, $3 / 1000, 100 * ($3 / 1000) / (bw / 20), bw / 20, bw }'
}

case "${1:-}" in
  prepare) prepare ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 prepare | run [bundle-dir]" >&2; exit 2 ;;
esac
