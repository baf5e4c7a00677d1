package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus in tangent mode (forward): for every static method with a generated
 * {@code fTangent}, at inputs found by trying sizes until the method runs, the tangent in a random
 * direction equals the gradient's dot product with that direction (to 1e-12 relative to the terms'
 * size in double, 1e-5 in float) and the central difference of the method along that direction
 * (to 1e-6 relative), and its value is the method's, bit for bit.
 */
class TangentCorpusTest {
  private static final Path GENERATED = Path.of("target/generated-test-sources/test-annotations/dev/adjoint/corpus");

  @Test
  void everyTangentIsTheGradientAlongItsDirection() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> noInputs = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Class<?> adjoint : adjointClasses()) {
      for (Method tangent : adjoint.getMethods()) {
        if (!tangent.getName().endsWith("Tangent") || tangent.getName().endsWith("PushforwardInto")) {
          continue;
        }
        String name = tangent.getName().substring(0, tangent.getName().length() - "Tangent".length());
        Method gradient = find(adjoint, name + "Gradient");
        Method primal = find(Class.forName(adjoint.getName().replaceFirst("Adjoint$", "").replace('_', '$')), name);
        if (gradient == null || primal == null) {
          continue;
        }
        String label = adjoint.getSimpleName() + "." + name;
        String verdict = TangentCheck.check(primal, gradient, tangent);
        if (verdict == null) {
          checked.add(label);
        } else if (verdict.equals(TangentCheck.NO_INPUTS)) {
          noInputs.add(label);
        } else {
          wrong.add(label + ": " + verdict);
        }
      }
    }
    System.out.println("tangent corpus: " + checked.size() + " tangents checked, no inputs found for " + noInputs);
    assertTrue(wrong.isEmpty(), "wrong tangents:\n" + String.join("\n", wrong));
    assertTrue(checked.size() >= 100 && noInputs.size() * 10 <= checked.size(),
        checked.size() + " tangents checked; no inputs found for " + noInputs);
  }

  private static List<Class<?>> adjointClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(GENERATED)) {
      for (Path f : files.sorted().toList()) {
        String simple = f.getFileName().toString().replace(".java", "");
        out.add(Class.forName("dev.adjoint.corpus." + simple, true, TangentCorpusTest.class.getClassLoader()));
      }
    }
    return out;
  }

  private static Method find(Class<?> c, String name) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        m.setAccessible(true);
        return m;
      }
    }
    return null;
  }

  /** One method's check; inputs are tried until the method runs and gives a finite value. */
  static final class TangentCheck {
    static final String NO_INPUTS = "no inputs";
    private static final int[][] SHAPES = {{3, 6}, {2, 4}, {4, 4}, {1, 3}, {5, 8}, {0, 3}, {6, 6}};

    private TangentCheck() {}

    static String check(Method primal, Method gradient, Method tangent) throws Exception {
      Class<?>[] types = primal.getParameterTypes();
      for (int[] shape : SHAPES) {
        Random rnd = new Random(31 * shape[0] + shape[1]);
        Object[] args = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
          args[k] = draw(types[k], shape, rnd);
          if (args[k] == null) {
            return NO_INPUTS; // a receiver or another type: not a corpus shape
          }
        }
        double value;
        try {
          value = ((Number) primal.invoke(null, copy(args))).doubleValue();
        } catch (ReflectiveOperationException e) {
          continue; // these sizes do not suit the method
        }
        if (!Double.isFinite(value) || Math.abs(value) > 1e6) {
          continue;
        }
        return compare(primal, gradient, tangent, args, value, rnd);
      }
      return NO_INPUTS;
    }

    private static String compare(Method primal, Method gradient, Method tangent, Object[] args, double value,
        Random rnd) throws Exception {
      Object record = gradient.invoke(null, copy(args));
      RecordComponent[] components = record.getClass().getRecordComponents();
      Class<?>[] types = primal.getParameterTypes();
      List<Object> tangentArgs = new ArrayList<>(Arrays.asList(copy(args)));
      Object[] direction = new Object[types.length];
      double expected = 0;
      double scale = 0;
      boolean floats = false;
      for (int c = 1; c < components.length; c++) { // after value: one per differentiable parameter, in order
        String name = components[c].getName();
        int k = indexOf(primal, name);
        Object g = components[c].getAccessor().invoke(record);
        direction[k] = like(args[k], rnd);
        tangentArgs.add(copy(new Object[] {direction[k]})[0]);
        double[] gs = flat(g);
        double[] ds = flat(direction[k]);
        for (int i = 0; i < gs.length; i++) {
          expected += gs[i] * ds[i];
          scale += Math.abs(gs[i] * ds[i]);
        }
        floats |= args[k] instanceof Float || args[k] instanceof float[] || args[k] instanceof float[][];
      }
      Object result = tangent.invoke(null, tangentArgs.toArray());
      double got = ((Number) result.getClass().getRecordComponents()[0].getAccessor().invoke(result)).doubleValue();
      double dot = ((Number) result.getClass().getRecordComponents()[1].getAccessor().invoke(result)).doubleValue();
      if (Double.doubleToLongBits(got) != Double.doubleToLongBits(value)) {
        return "value " + got + ", the method gives " + value;
      }
      double rounding = floats ? 1e-5 : 1e-12;
      if (!(Math.abs(dot - expected) <= rounding * (scale + Math.abs(dot)) + 1e-300)) {
        return "tangent " + dot + ", gradient . direction " + expected;
      }
      double h = floats ? 1e-3 : 1e-6;
      double plus = ((Number) primal.invoke(null, shifted(args, direction, h))).doubleValue();
      double minus = ((Number) primal.invoke(null, shifted(args, direction, -h))).doubleValue();
      double central = (plus - minus) / (2 * h);
      double tolerance = (floats ? 1e-2 : 1e-6) * (Math.abs(dot) + scale + Math.abs(value) + 1e-3);
      return Math.abs(central - dot) <= tolerance ? null : "tangent " + dot + ", central difference " + central;
    }

    private static int indexOf(Method primal, String name) {
      java.lang.reflect.Parameter[] params = primal.getParameters();
      for (int k = 0; k < params.length; k++) {
        if (params[k].getName().equals(name)) {
          return k;
        }
      }
      throw new IllegalStateException(primal + " has no parameter " + name + " (compile with -parameters)");
    }

    private static Object draw(Class<?> type, int[] shape, Random rnd) {
      if (type == double.class) {
        return 0.3 + 0.6 * rnd.nextDouble();
      } else if (type == float.class) {
        return (float) (0.3 + 0.6 * rnd.nextDouble());
      } else if (type == int.class) {
        return shape[0];
      } else if (type == long.class) {
        return (long) shape[0];
      } else if (type == double[].class) {
        return Checks.uniform(rnd, shape[1], 0.3, 0.9);
      } else if (type == float[].class) {
        float[] a = new float[shape[1]];
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) (0.3 + 0.6 * rnd.nextDouble());
        }
        return a;
      } else if (type == double[][].class) {
        return Checks.uniform(rnd, shape[1], shape[1], 0.3, 0.9);
      } else if (type == float[][].class) {
        float[][] a = new float[shape[1]][];
        for (int i = 0; i < a.length; i++) {
          a[i] = (float[]) draw(float[].class, shape, rnd);
        }
        return a;
      } else if (type == int[].class) {
        int[] a = new int[shape[1]];
        for (int i = 0; i < a.length; i++) {
          a[i] = rnd.nextInt(shape[1]);
        }
        return a;
      }
      return null;
    }

    /** A direction shaped like a differentiable argument. */
    private static Object like(Object arg, Random rnd) {
      if (arg instanceof Double) {
        return rnd.nextDouble() - 0.5;
      } else if (arg instanceof Float) {
        return (float) (rnd.nextDouble() - 0.5);
      } else if (arg instanceof double[] a) {
        return Checks.uniform(rnd, a.length, -0.5, 0.5);
      } else if (arg instanceof float[] a) {
        float[] d = new float[a.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return d;
      } else if (arg instanceof double[][] a) {
        return Checks.uniform(rnd, a.length, a.length == 0 ? 0 : a[0].length, -0.5, 0.5);
      } else if (arg instanceof float[][] a) {
        float[][] d = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
          d[i] = (float[]) like(a[i], rnd);
        }
        return d;
      }
      throw new IllegalArgumentException("not differentiable: " + arg);
    }

    private static Object[] shifted(Object[] args, Object[] direction, double h) {
      Object[] out = copy(args);
      for (int k = 0; k < args.length; k++) {
        if (direction[k] == null) {
          continue;
        }
        if (out[k] instanceof Double v) {
          out[k] = v + h * (Double) direction[k];
        } else if (out[k] instanceof Float v) {
          out[k] = (float) (v + h * (Float) direction[k]);
        } else if (out[k] instanceof double[] a) {
          double[] d = (double[]) direction[k];
          for (int i = 0; i < a.length; i++) {
            a[i] += h * d[i];
          }
        } else if (out[k] instanceof float[] a) {
          float[] d = (float[]) direction[k];
          for (int i = 0; i < a.length; i++) {
            a[i] += (float) (h * d[i]);
          }
        } else if (out[k] instanceof double[][] a) {
          double[][] d = (double[][]) direction[k];
          for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
              a[i][j] += h * d[i][j];
            }
          }
        } else if (out[k] instanceof float[][] a) {
          float[][] d = (float[][]) direction[k];
          for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
              a[i][j] += (float) (h * d[i][j]);
            }
          }
        }
      }
      return out;
    }

    private static double[] flat(Object o) {
      if (o instanceof Number n) {
        return new double[] {n.doubleValue()};
      } else if (o instanceof double[] a) {
        return a;
      } else if (o instanceof float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          out[i] = a[i];
        }
        return out;
      } else if (o instanceof Object[] rows) {
        List<Double> all = new ArrayList<>();
        for (Object r : rows) {
          for (double v : flat(r)) {
            all.add(v);
          }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
      }
      throw new IllegalArgumentException(String.valueOf(o));
    }

    /** Deep copies of the arrays, so that a method that writes into its arguments leaves the originals. */
    private static Object[] copy(Object[] args) {
      Object[] out = args.clone();
      for (int k = 0; k < out.length; k++) {
        if (out[k] instanceof double[] a) {
          out[k] = a.clone();
        } else if (out[k] instanceof float[] a) {
          out[k] = a.clone();
        } else if (out[k] instanceof int[] a) {
          out[k] = a.clone();
        } else if (out[k] instanceof double[][] a) {
          double[][] c = new double[a.length][];
          for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
          }
          out[k] = c;
        } else if (out[k] instanceof float[][] a) {
          float[][] c = new float[a.length][];
          for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
          }
          out[k] = c;
        }
      }
      return out;
    }
  }
}
