package dev.adjoint.corpus;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for checks that run every corpus method through a generated entry point without knowing
 * it: arguments drawn by parameter type, tried at several sizes until the method runs and gives a
 * finite value, directions shaped like the differentiable arguments, and the arithmetic on them.
 */
final class CorpusInputs {
  /** Ints and array lengths to try, in turn. */
  private static final int[][] SHAPES = {{3, 6}, {2, 4}, {4, 4}, {1, 3}, {5, 8}, {0, 3}, {6, 6}};

  private CorpusInputs() {}

  /** Arguments at which the static method runs and gives a finite, moderate value; null if none found. */
  static Object[] find(Method primal) {
    Class<?>[] types = primal.getParameterTypes();
    for (int[] shape : SHAPES) {
      Random rnd = new Random(31 * shape[0] + shape[1]);
      Object[] args = new Object[types.length];
      for (int k = 0; k < types.length; k++) {
        args[k] = draw(types[k], shape, rnd);
        if (args[k] == null) {
          return null; // a receiver or another type: not a corpus shape
        }
      }
      try {
        double value = ((Number) primal.invoke(null, copy(args))).doubleValue();
        if (Double.isFinite(value) && Math.abs(value) <= 1e6) {
          return args;
        }
      } catch (ReflectiveOperationException e) {
        // these sizes do not suit the method
      }
    }
    return null;
  }

  static double value(Method primal, Object[] args) throws ReflectiveOperationException {
    return ((Number) primal.invoke(null, copy(args))).doubleValue();
  }

  static int indexOf(Method primal, String name) {
    java.lang.reflect.Parameter[] params = primal.getParameters();
    for (int k = 0; k < params.length; k++) {
      if (params[k].getName().equals(name)) {
        return k;
      }
    }
    throw new IllegalStateException(primal + " has no parameter " + name + " (compile with -parameters)");
  }

  static Object draw(Class<?> type, int[] shape, Random rnd) {
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
  static Object like(Object arg, Random rnd) {
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

  static Object[] shifted(Object[] args, Object[] direction, double h) {
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

  static double[] flat(Object o) {
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
  static Object[] copy(Object[] args) {
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
