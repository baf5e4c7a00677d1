package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Protocol glue for {@link Ba}. The input holds one camera, one point, one weight and one feature,
 * which are replicated as the reference tool does: {@code n} cameras, {@code m} points and
 * {@code p} observations, observation {@code i} seeing point {@code i % m} from camera
 * {@code i % n}. The jacobian is the reference's CSR matrix of size {@code 3p x (11n + 3m + p)}
 * (the 2p reprojection rows, then the p weight rows), of which only the first 30 entries and the
 * last of each array are sent.
 */
public final class BaEval {
  static final int CAMERA_PARAMETERS = 11;
  /** Entries in each reprojection row: a camera, a point and a weight. */
  static final int ROW_ENTRIES = CAMERA_PARAMETERS + 3 + 1;
  static final int SENT_ENTRIES = 30;

  private BaEval() {}

  /** The replicated problem. */
  public record Input(
      int n, int m, int p, double[][] cams, double[][] points, double[] w, double[][] feats,
      int[] camIndex, int[] pointIndex) {}

  /** The objective: {@code 2p} reprojection residuals and {@code p} weight residuals. */
  public record Residuals(double[] reprojection, double[] weight) {
    public static Residuals allocate(Input in) {
      return new Residuals(new double[2 * in.p], new double[in.p]);
    }
  }

  /** A compressed sparse row matrix. */
  public record SparseMatrix(int[] rows, int[] cols, double[] vals) {
    public static SparseMatrix allocate(Input in) {
      int entries = 2 * ROW_ENTRIES * in.p + in.p;
      return new SparseMatrix(new int[3 * in.p + 1], new int[entries], new double[entries]);
    }
  }

  /**
   * A problem and the output its runs fill: as in the reference tool, whose output object lives
   * across runs, the output's arrays are allocated once per input, not by every run.
   */
  record Workspace<O>(Input problem, O out) {}

  static Eval eval() {
    return Eval.of(
        "ba",
        "objective", EvalFunction.of(
            json -> workspace(json, Residuals::allocate),
            w -> objective(w.problem, w.out), BaEval::render),
        "jacobian", EvalFunction.of(
            json -> workspace(json, SparseMatrix::allocate),
            w -> jacobian(w.problem, w.out), BaEval::render));
  }

  private static <O> Workspace<O> workspace(JsonNode json, Function<Input, O> allocate) {
    Input problem = parse(json);
    return new Workspace<>(problem, allocate.apply(problem));
  }

  public static Residuals objective(Input in) {
    return objective(in, Residuals.allocate(in));
  }

  /** Fills {@code out} with the residuals of every observation. */
  public static Residuals objective(Input in, Residuals out) {
    double[] reprojection = out.reprojection;
    double[] weight = out.weight;
    for (int i = 0; i < in.p; i++) {
      double[] err =
          Ba.reprojectionError(in.cams[in.camIndex[i]], in.points[in.pointIndex[i]], in.w[i], in.feats[i]);
      reprojection[2 * i] = err[0];
      reprojection[2 * i + 1] = err[1];
    }
    for (int i = 0; i < in.p; i++) {
      weight[i] = Ba.weightError(in.w[i]);
    }
    return out;
  }

  /**
   * The block-sparse jacobian, row by row: each reprojection row is one pullback of
   * {@link Ba#reprojectionError} with a unit seed, giving the row's 11 camera, 3 point and 1
   * weight entries; each weight row is one pullback of {@link Ba#weightError}.
   */
  public static SparseMatrix jacobian(Input in) {
    return jacobian(in, SparseMatrix.allocate(in));
  }

  /** Fills {@code out} with the jacobian. */
  public static SparseMatrix jacobian(Input in, SparseMatrix out) {
    double[] camBar = new double[CAMERA_PARAMETERS];
    double[] pointBar = new double[3];
    double[] seed = new double[2];
    double[] row = new double[ROW_ENTRIES];
    int entry = 0;
    for (int i = 0; i < in.p; i++) {
      for (int r = 0; r < 2; r++) {
        seed[r] = 1;
        Arrays.fill(camBar, 0);
        Arrays.fill(pointBar, 0);
        row[ROW_ENTRIES - 1] = BaAdjoint.reprojectionErrorPullbackInto(in.cams[in.camIndex[i]],
            in.points[in.pointIndex[i]], in.w[i], in.feats[i], seed, camBar, pointBar);
        seed[r] = 0;
        System.arraycopy(camBar, 0, row, 0, CAMERA_PARAMETERS);
        System.arraycopy(pointBar, 0, row, CAMERA_PARAMETERS, 3);
        entry = putRow(in, out, i, 2 * i + r, entry, row, 0);
      }
    }
    return putWeightRows(in, out, entry);
  }

  /**
   * The same jacobian in forward mode: one vector tangent of {@link Ba#reprojectionError} per
   * observation, its 15 directions the unit vectors of the camera's, the point's and the weight's
   * entries, gives both rows at once. Kept beside {@link #jacobian}, which is faster on the JVM
   * (benchmarks/README.md), to measure the two.
   */
  public static SparseMatrix jacobianByTangents(Input in, SparseMatrix out) {
    int k = ROW_ENTRIES;
    double[] camDots = new double[CAMERA_PARAMETERS * k];
    double[] pointDots = new double[3 * k];
    double[] wDots = new double[k];
    for (int c = 0; c < CAMERA_PARAMETERS; c++) {
      camDots[c * k + c] = 1; // the layout of the vector ABI: entry c's direction d at [c * k + d]
    }
    for (int c = 0; c < 3; c++) {
      pointDots[c * k + CAMERA_PARAMETERS + c] = 1;
    }
    wDots[k - 1] = 1;
    int entry = 0;
    for (int i = 0; i < in.p; i++) {
      double[] rows = BaAdjoint.reprojectionErrorPushforwardsInto(in.cams[in.camIndex[i]],
          in.points[in.pointIndex[i]], in.w[i], in.feats[i], k, camDots, pointDots, wDots, null);
      entry = putRow(in, out, i, 2 * i, entry, rows, 0);
      entry = putRow(in, out, i, 2 * i + 1, entry, rows, k);
    }
    return putWeightRows(in, out, entry);
  }

  /** Writes reprojection row {@code row} of observation {@code i}: its 15 entries, from {@code from}. */
  private static int putRow(Input in, SparseMatrix out, int i, int row, int entry, double[] values, int from) {
    int cameraColumns = CAMERA_PARAMETERS * in.n;
    int[] cols = out.cols;
    double[] vals = out.vals;
    for (int c = 0; c < CAMERA_PARAMETERS; c++) {
      cols[entry + c] = CAMERA_PARAMETERS * in.camIndex[i] + c;
    }
    for (int c = 0; c < 3; c++) {
      cols[entry + CAMERA_PARAMETERS + c] = cameraColumns + 3 * in.pointIndex[i] + c;
    }
    cols[entry + ROW_ENTRIES - 1] = cameraColumns + 3 * in.m + i;
    System.arraycopy(values, from, vals, entry, ROW_ENTRIES);
    out.rows[row + 1] = out.rows[row] + ROW_ENTRIES;
    return entry + ROW_ENTRIES;
  }

  /** The {@code p} weight rows, one pullback of {@link Ba#weightError} each, after the reprojection rows. */
  private static SparseMatrix putWeightRows(Input in, SparseMatrix out, int entry) {
    int weightColumns = CAMERA_PARAMETERS * in.n + 3 * in.m;
    int row = 2 * in.p;
    for (int i = 0; i < in.p; i++) {
      out.cols[entry] = weightColumns + i;
      out.vals[entry++] = BaAdjoint.weightErrorPullbackInto(in.w[i], 1.0);
      out.rows[row + 1] = out.rows[row] + 1;
      row++;
    }
    return out;
  }

  private static Map<String, Object> render(Residuals r) {
    int p = r.weight.length;
    return Map.of(
        "reproj_error", Map.of("elements", Arrays.copyOf(r.reprojection, 2), "repeated", p),
        "w_err", Map.of("element", r.weight[0], "repeated", p));
  }

  private static Map<String, Object> render(SparseMatrix j) {
    return Map.of("rows", sent(j.rows), "cols", sent(j.cols), "vals", sent(j.vals));
  }

  /** The first {@value #SENT_ENTRIES} entries and the last one, as the reference sends them. */
  private static int[] sent(int[] all) {
    int head = Math.min(SENT_ENTRIES, all.length - 1);
    int[] result = Arrays.copyOf(all, head + 1);
    result[head] = all[all.length - 1];
    return result;
  }

  private static double[] sent(double[] all) {
    int head = Math.min(SENT_ENTRIES, all.length - 1);
    double[] result = Arrays.copyOf(all, head + 1);
    result[head] = all[all.length - 1];
    return result;
  }

  public static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    int n = input.positiveInteger("n");
    int m = input.positiveInteger("m");
    int p = input.positiveInteger("p");
    double[] cam = input.vector("cam", CAMERA_PARAMETERS);
    double[] x = input.vector("x", 3);
    double w = input.number("w");
    double[] feat = input.vector("feat", 2);
    return replicate(n, m, p, cam, x, w, feat);
  }

  /** The problem the reference tool builds from one camera, point, weight and feature. */
  public static Input replicate(int n, int m, int p, double[] cam, double[] x, double w, double[] feat) {
    double[][] cams = new double[n][];
    double[][] points = new double[m][];
    double[][] feats = new double[p][];
    double[] weights = new double[p];
    int[] camIndex = new int[p];
    int[] pointIndex = new int[p];
    for (int i = 0; i < n; i++) {
      cams[i] = cam.clone();
    }
    for (int i = 0; i < m; i++) {
      points[i] = x.clone();
    }
    for (int i = 0; i < p; i++) {
      feats[i] = feat.clone();
      weights[i] = w;
      camIndex[i] = i % n;
      pointIndex[i] = i % m;
    }
    return new Input(n, m, p, cams, points, weights, feats, camIndex, pointIndex);
  }
}
