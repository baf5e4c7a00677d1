package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Protocol glue for {@link Ht}. Input {@code {theta: [26], us: [npts][2] or [], data:
 * {correspondences, points, model: {...}}}}. The objective is the {@code 3 npts} residuals; the
 * jacobian has one row per residual and, in the "complicated" variant (non-empty {@code us}),
 * 2 columns for the row's own point's (u, v) followed by 26 for {@code theta}; the "simple"
 * variant (each point matched to a vertex) has the 26 theta columns only.
 *
 * <p>The jacobian is reverse mode through {@link Ht}'s two stages: every residual row is pulled
 * back through {@link Ht#pointResidual} (three vertices' skinning) to the bone transforms and the
 * point's (u, v), and from there to {@code theta} by the transforms' own jacobian, which is
 * computed once per evaluation by one pullback of {@link Ht#boneTransforms} per entry. This keeps
 * each row from repeating the whole model's skinning.
 */
public final class HtEval {
  static final int THETA = 26;
  /** The pose parameters index bones up to 21 (five fingers of four bones after the wrist). */
  static final int MIN_BONES = 22;

  private HtEval() {}

  /**
   * The parsed input. A simple variant's point is given the triangle (c, c, c) and the
   * barycentric coordinates (1, 0), which select its vertex c exactly.
   */
  public record Input(
      double[] theta, double[][] us, boolean complicated, double[][] points, int[][] pointVertices,
      double[][] baseRelatives, double[][] inverseBaseAbsolutes, double[] parents,
      double[][] basePositions, double[][] weights, boolean mirrored) {}

  static Eval eval() {
    return Eval.of(
        "ht",
        "objective", EvalFunction.of(HtEval::parse, HtEval::objective).warmedUpOn(HtEval::fewPoints),
        "jacobian", EvalFunction.of(HtEval::parse, HtEval::jacobian)
            .warmedUpOn(HtEval::fewPoints, JACOBIAN_WARMUP_SECONDS));
  }

  /**
   * The jacobian's sweep of the bone transforms is a long method (4,849 bytes of bytecode) that
   * C2 compiles whole only after its loops have been compiled on their own, 4–6 s into the
   * warm-up on this 2-core machine; until then the jacobian takes 25–145 ms instead of 7 ms.
   */
  static final long JACOBIAN_WARMUP_SECONDS = 15;

  /** The same model and pose with at most 8 of the points, for warming up. */
  static Input fewPoints(Input in) {
    int n = Math.min(in.points.length, 8);
    return new Input(in.theta, Arrays.copyOf(in.us, n), in.complicated, Arrays.copyOf(in.points, n),
        Arrays.copyOf(in.pointVertices, n), in.baseRelatives, in.inverseBaseAbsolutes, in.parents,
        in.basePositions, in.weights, in.mirrored);
  }

  public static double[] objective(Input in) {
    double[] transforms = transforms(in);
    double[][] vertices = new double[in.basePositions.length][];
    for (int v = 0; v < vertices.length; v++) {
      vertices[v] = Ht.skin(transforms, in.basePositions[v], in.weights[v]);
    }
    double[] err = new double[3 * in.points.length];
    for (int i = 0; i < in.points.length; i++) {
      int[] tri = in.pointVertices[i];
      double[] e = Ht.residual(
          in.points[i], in.us[i][0], in.us[i][1], vertices[tri[0]], vertices[tri[1]], vertices[tri[2]]);
      System.arraycopy(e, 0, err, 3 * i, 3);
    }
    return err;
  }

  public static double[][] jacobian(Input in) {
    double[] transforms = transforms(in);
    double[][] transformsJacobian = transformsJacobian(in, transforms.length);
    int offset = in.complicated ? 2 : 0;
    double[][] jacobian = new double[3 * in.points.length][offset + THETA];
    double[] transformsBar = new double[transforms.length];
    double[] seed = new double[3];
    for (int i = 0; i < in.points.length; i++) {
      int[] tri = in.pointVertices[i];
      for (int j = 0; j < 3; j++) {
        seed[j] = 1;
        Arrays.fill(transformsBar, 0);
        double[] uBar = HtAdjoint.pointResidualPullbackInto(
            transforms, in.us[i][0], in.us[i][1], in.points[i],
            in.basePositions[tri[0]], in.weights[tri[0]],
            in.basePositions[tri[1]], in.weights[tri[1]],
            in.basePositions[tri[2]], in.weights[tri[2]],
            seed, transformsBar);
        seed[j] = 0;
        double[] row = jacobian[3 * i + j];
        if (in.complicated) {
          row[0] = uBar[0];
          row[1] = uBar[1];
        }
        // A residual coordinate depends on one row of each bone's map, so most entries are zero.
        for (int t = 0; t < transformsBar.length; t++) {
          double bar = transformsBar[t];
          if (bar != 0) {
            double[] dt = transformsJacobian[t];
            for (int c = 0; c < THETA; c++) {
              row[offset + c] += bar * dt[c];
            }
          }
        }
      }
    }
    return jacobian;
  }

  private static double[] transforms(Input in) {
    return Ht.boneTransforms(in.theta, in.baseRelatives, in.inverseBaseAbsolutes, in.parents, in.mirrored);
  }

  /** Row t: the gradient of entry t of {@link Ht#boneTransforms} with respect to theta. */
  private static double[][] transformsJacobian(Input in, int size) {
    double[][] jacobian = new double[size][];
    double[] seed = new double[size];
    for (int t = 0; t < size; t++) {
      seed[t] = 1;
      jacobian[t] = HtAdjoint.boneTransformsPullback(
          in.theta, in.baseRelatives, in.inverseBaseAbsolutes, in.parents, in.mirrored, seed).theta();
      seed[t] = 0;
    }
    return jacobian;
  }

  public static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    double[] theta = input.vector("theta", THETA);
    Inputs.Fields data = input.object("data");
    Inputs.Fields model = data.object("model");

    int[] parentIndex = model.intVector("parents", -1);
    int bones = parentIndex.length;
    if (bones < MIN_BONES) {
      throw new InputException(model.path("parents") + ": expected at least " + MIN_BONES + " bones");
    }
    double[] parents = new double[bones];
    for (int i = 0; i < bones; i++) {
      if (parentIndex[i] < -1 || parentIndex[i] >= i) {
        throw new InputException(model.path("parents") + "[" + i + "]: a parent must come before its bone");
      }
      parents[i] = parentIndex[i];
    }
    double[][] baseRelatives = model.flatMatrices("base_relatives", bones, 4, 4);
    double[][] inverseBaseAbsolutes = model.flatMatrices("inverse_base_absolutes", bones, 4, 4);
    double[][] basePositions = model.matrix("base_positions", -1, 4);
    int vertices = basePositions.length;
    double[][] weights = model.matrix("weights", vertices, bones);
    int[][] triangles = model.intMatrix("triangles", -1, 3);
    checkIndices(triangles, vertices, model.path("triangles"));
    boolean mirrored = model.bool("is_mirrored");

    int[] correspondences = data.intVector("correspondences", -1);
    int npts = correspondences.length;
    double[][] points = data.matrix("points", npts, 3);
    double[][] us = input.matrix("us", -1, 2);
    boolean complicated = us.length > 0;
    int[][] pointVertices = new int[npts][];
    if (complicated) {
      if (us.length != npts) {
        throw new InputException(input.path("us") + ": expected " + npts + " rows, got " + us.length);
      }
      checkIndices(new int[][] {correspondences}, triangles.length, data.path("correspondences"));
      for (int i = 0; i < npts; i++) {
        pointVertices[i] = triangles[correspondences[i]];
      }
    } else {
      checkIndices(new int[][] {correspondences}, vertices, data.path("correspondences"));
      us = new double[npts][];
      for (int i = 0; i < npts; i++) {
        int c = correspondences[i];
        pointVertices[i] = new int[] {c, c, c};
        us[i] = new double[] {1, 0};
      }
    }
    return new Input(theta, us, complicated, points, pointVertices, baseRelatives,
        inverseBaseAbsolutes, parents, basePositions, weights, mirrored);
  }

  private static void checkIndices(int[][] indices, int bound, String path) {
    for (int[] row : indices) {
      for (int index : row) {
        if (index < 0 || index >= bound) {
          throw new InputException(path + ": index " + index + " is out of range [0, " + bound + ")");
        }
      }
    }
  }
}
