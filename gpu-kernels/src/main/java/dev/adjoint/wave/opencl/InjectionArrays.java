package dev.adjoint.wave.opencl;

import dev.adjoint.wave.engine.Injection;
import dev.adjoint.wave.numerics.PointInterpolation;
import java.util.List;

/**
 * A run's injected sets laid one after another in the flat arrays {@link WaveKernel} reads, so
 * that they go to the device once per run and a call selects a set by offsets: set {@code k}'s
 * nodes are {@code [nodeBase(k), nodeBase(k) + nodeCount(k))}, its entries are numbered globally
 * in {@code nodeStart}, and its values start at {@code valueBase(k)}.
 *
 * @param nodes the grid nodes of every set
 * @param nodeStart compressed-row starts over every set's entries, one past the end last
 * @param nodePoint each entry's point, within its own set
 * @param nodeWeight each entry's weight
 * @param values every set's values, time-major within each set
 * @param nodeBases each set's first node
 * @param valueBases each set's first value
 */
record InjectionArrays(int[] nodes, int[] nodeStart, int[] nodePoint, float[] nodeWeight, float[] values,
    int[] nodeBases, int[] valueBases) {

  static InjectionArrays concatenate(List<Injection> sets) {
    int nodeCount = 0;
    int entryCount = 0;
    int valueCount = 0;
    for (Injection s : sets) {
      nodeCount += s.points().nodes().length;
      entryCount += s.points().nodePoint().length;
      valueCount += s.values().length;
    }
    int[] nodes = new int[Math.max(1, nodeCount)];
    int[] start = new int[nodeCount + 1];
    int[] point = new int[Math.max(1, entryCount)];
    float[] weight = new float[Math.max(1, entryCount)];
    float[] values = new float[Math.max(1, valueCount)];
    int[] nodeBases = new int[sets.size()];
    int[] valueBases = new int[sets.size()];
    int n = 0;
    int e = 0;
    int v = 0;
    for (int k = 0; k < sets.size(); k++) {
      PointInterpolation p = sets.get(k).points();
      nodeBases[k] = n;
      valueBases[k] = v;
      for (int i = 0; i < p.nodes().length; i++) {
        nodes[n + i] = p.nodes()[i];
        start[n + i] = e + p.nodeStart()[i];
      }
      System.arraycopy(p.nodePoint(), 0, point, e, p.nodePoint().length);
      System.arraycopy(p.nodeWeight(), 0, weight, e, p.nodeWeight().length);
      System.arraycopy(sets.get(k).values(), 0, values, v, sets.get(k).values().length);
      n += p.nodes().length;
      e += p.nodePoint().length;
      v += sets.get(k).values().length;
    }
    start[nodeCount] = e;
    return new InjectionArrays(nodes, start, point, weight, values, nodeBases, valueBases);
  }

  int nodeBase(int set) {
    return nodeBases[set];
  }

  int valueBase(int set) {
    return valueBases[set];
  }

  int nodeCount(int set) {
    int end = set + 1 < nodeBases.length ? nodeBases[set + 1] : nodeStart.length - 1;
    return end - nodeBases[set];
  }
}
