package dev.adjoint.wave.numerics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Off-grid points (sources or receivers) on a padded grid: each point is a weighted combination
 * of the {@code 2^dims} grid nodes around it, with bilinear (2D) or trilinear (3D) weights.
 *
 * <p>Sampling a field at the points is {@code v_p = sum_k w_pk u[n_pk]}; injecting values into the
 * field is its transpose, {@code u[n_pk] += w_pk v_p}. So the two are exact adjoints of each
 * other. For injection in parallel, {@link #nodes()} lists each touched node once with the
 * (point, weight) pairs that add into it ({@link #nodeStart()}, {@link #nodePoint()},
 * {@link #nodeWeight()} in compressed-row form), so no two work items write the same node.
 */
public final class PointInterpolation {
  private final int points;
  private final int corners;
  private final int[] index;
  private final float[] weight;
  private final int[] nodes;
  private final int[] nodeStart;
  private final int[] nodePoint;
  private final float[] nodeWeight;

  /**
   * @param grid the padded grid
   * @param origin the physical origin per axis, m
   * @param spacing the grid spacing per axis, m
   * @param coordinates {@code coordinates[d][p]}: coordinate of point {@code p} along axis
   *     {@code d}, in m
   * @param what what the points are, for error messages ("source", "receiver")
   * @throws IllegalArgumentException if a point lies outside the physical grid or is not finite
   */
  public PointInterpolation(PaddedGrid grid, double[] origin, double[] spacing, float[][] coordinates, String what) {
    int dims = grid.dimensions();
    this.points = coordinates[0].length;
    this.corners = 1 << dims;
    this.index = new int[points * corners];
    this.weight = new float[points * corners];
    for (int p = 0; p < points; p++) {
      int[] low = new int[dims];
      double[] frac = new double[dims];
      for (int d = 0; d < dims; d++) {
        double x = coordinates[d][p];
        double last = origin[d] + (grid.shape(d) - 1) * spacing[d];
        double slack = 1e-4 * spacing[d];
        if (!(x >= origin[d] - slack && x <= last + slack)) {
          throw new IllegalArgumentException(what + " " + p + " lies outside the model: its " + axisName(d, dims)
              + " coordinate is " + x + " m, but the model spans [" + origin[d] + ", " + last + "] m along that axis");
        }
        double s = Math.max(0, Math.min(grid.shape(d) - 1, (x - origin[d]) / spacing[d]));
        int i = Math.min((int) Math.floor(s), Math.max(0, grid.shape(d) - 2));
        low[d] = i;
        frac[d] = s - i;
      }
      for (int k = 0; k < corners; k++) {
        int[] node = new int[dims];
        double w = 1;
        for (int d = 0; d < dims; d++) {
          boolean high = (k >> d & 1) == 1;
          node[d] = Math.min(low[d] + (high ? 1 : 0), grid.shape(d) - 1);
          w *= high ? frac[d] : 1 - frac[d];
        }
        index[p * corners + k] = grid.index(node);
        weight[p * corners + k] = (float) w;
      }
    }
    Map<Integer, List<Integer>> byNode = new LinkedHashMap<>();
    for (int e = 0; e < index.length; e++) {
      if (weight[e] != 0) {
        byNode.computeIfAbsent(index[e], key -> new ArrayList<>()).add(e);
      }
    }
    this.nodes = new int[byNode.size()];
    this.nodeStart = new int[byNode.size() + 1];
    int entries = byNode.values().stream().mapToInt(List::size).sum();
    this.nodePoint = new int[entries];
    this.nodeWeight = new float[entries];
    int n = 0;
    int e = 0;
    for (Map.Entry<Integer, List<Integer>> entry : byNode.entrySet()) {
      nodes[n] = entry.getKey();
      nodeStart[n] = e;
      for (int corner : entry.getValue()) {
        nodePoint[e] = corner / corners;
        nodeWeight[e] = weight[corner];
        e++;
      }
      n++;
    }
    nodeStart[n] = e;
  }

  /** The number of points. */
  public int points() {
    return points;
  }

  /** Grid nodes per point: 4 in 2D, 8 in 3D. */
  public int corners() {
    return corners;
  }

  /** {@code index[p * corners + k]}: the padded index of corner {@code k} of point {@code p}. */
  public int[] index() {
    return index;
  }

  /** The weights matching {@link #index()}; each point's sum to 1. */
  public float[] weight() {
    return weight;
  }

  /** The distinct nodes that injection writes. */
  public int[] nodes() {
    return nodes;
  }

  /** Node {@code n}'s (point, weight) pairs are entries {@code [nodeStart[n], nodeStart[n+1])}. */
  public int[] nodeStart() {
    return nodeStart;
  }

  /** The point of each entry. */
  public int[] nodePoint() {
    return nodePoint;
  }

  /** The weight of each entry. */
  public float[] nodeWeight() {
    return nodeWeight;
  }

  /** {@code v_p = sum_k w_pk field[n_pk]} for every point. */
  public float[] sample(float[] field) {
    float[] out = new float[points];
    for (int p = 0; p < points; p++) {
      double sum = 0;
      for (int k = 0; k < corners; k++) {
        sum += weight[p * corners + k] * field[index[p * corners + k]];
      }
      out[p] = (float) sum;
    }
    return out;
  }

  /** {@code field[n_pk] += w_pk v_p}: the adjoint of {@link #sample}. */
  public void inject(float[] values, float[] field) {
    for (int p = 0; p < points; p++) {
      for (int k = 0; k < corners; k++) {
        field[index[p * corners + k]] += weight[p * corners + k] * values[p];
      }
    }
  }

  private static String axisName(int d, int dims) {
    return dims == 2 ? new String[] {"x", "z"}[d] : new String[] {"x", "y", "z"}[d];
  }
}
