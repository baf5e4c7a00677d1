package dev.adjoint.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The dense Jacobian of a method that returns a {@code double[]}, choosing the mode by shape: with
 * n inputs (the differentiable parameters' entries) and m outputs, forward mode costs one vector
 * tangent sweep of n directions, one column each, and reverse mode m pullbacks, one row each; it
 * takes forward when n <= m. Written where every differentiable parameter is a {@code double} or a
 * {@code double[]} and every array parameter is one-dimensional (each sweep gets its own copies).
 */
final class JacobianWriter {
  private static final ClassName FLAT = ClassName.get("dev.adjoint.runtime.tape", "FlatVectors");

  private JacobianWriter() {}

  static boolean applies(MethodIR m) {
    JType r = m.returnType();
    return r.base() == JType.Base.DOUBLE && r.dims() == 1 && !m.wrt().isEmpty()
        && m.wrt().stream().allMatch(p -> p.type().base() == JType.Base.DOUBLE && p.type().dims() <= 1)
        && m.params().stream().allMatch(p -> p.kind() == Variable.Kind.RECEIVER || p.type().dims() <= 1)
        && m.params().stream().noneMatch(p -> p.kind() == Variable.Kind.FIELD); // fields: through fTangent's selfDot
  }

  static void add(TypeSpec.Builder type, MethodIR m) {
    String f = m.name();
    Set<String> taken = new HashSet<>();
    m.params().forEach(p -> taken.add(p.name()));
    String n = HessianWriter.fresh("n", taken);
    String rows = HessianWriter.fresh("m", taken);
    String jac = HessianWriter.fresh("jacobian", taken);
    String k = HessianWriter.fresh("k", taken);
    String e = HessianWriter.fresh("e", taken);
    MethodSpec.Builder b = MethodSpec.methodBuilder(AdjointNaming.jacobianMethod(f))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(double[][].class)
        .addParameters(AdjointClassWriter.primalParams(m))
        .addJavadoc("The Jacobian of {@link $L#$L}, {@code jacobian[i][j]} = d output i / d input j, the inputs in the\n"
            + "order of the differentiable parameters (an array's entries in turn). Forward mode (one vector sweep,\n"
            + "a direction per input) when there are no more inputs than outputs, else reverse mode (one pullback\n"
            + "per output).\n",
            m.owner().getQualifiedName(), f);
    List<String> sizes = new ArrayList<>();
    for (Variable p : m.wrt()) {
      sizes.add(p.type().isArray() ? p.name() + ".length" : "1");
    }
    b.addStatement("int $L = $L", n, String.join(" + ", sizes));
    String zero = HessianWriter.fresh("zero", taken);
    b.addStatement("double[] $L = new double[$L]", zero, n);
    b.addStatement("int $L = $L($L).value().length", rows, AdjointNaming.tangentMethod(f), String.join(", ",
        tangentArgs(m, zero)));
    b.addStatement("double[][] $L = new double[$L][$L]", jac, rows, n);
    b.beginControlFlow("if ($L <= $L)", n, rows);
    b.addComment("forward: one vector sweep, direction $L the unit vector of input $L, gives column $L", k, k, k);
    List<String> lanes = new ArrayList<>();
    String at = "0";
    for (Variable p : m.wrt()) {
      String lane = HessianWriter.fresh(p.name() + "Dots", taken);
      lanes.add(lane);
      if (p.type().isArray()) {
        b.addStatement("double[][] $L = new double[$L][$L.length]", lane, n, p.name());
        b.beginControlFlow("for (int $L = 0; $L < $L.length; $L++)", k, k, p.name(), k);
        b.addStatement("$L[$L + $L][$L] = 1", lane, at, k, k);
        b.endControlFlow();
      } else {
        b.addStatement("double[] $L = new double[$L]", lane, n);
        b.addStatement("$L[$L] = 1", lane, at);
      }
      at = at + " + " + (p.type().isArray() ? p.name() + ".length" : "1");
    }
    String columns = HessianWriter.fresh("columns", taken);
    b.addStatement("double[][] $L = $L($L, $L).tangents()", columns, AdjointNaming.tangentsMethod(f), copies(m),
        String.join(", ", lanes));
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", k, k, n, k);
    String i = HessianWriter.fresh("i", taken);
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i);
    b.addStatement("$L[$L][$L] = $L[$L][$L]", jac, i, k, columns, k, i);
    b.endControlFlow();
    b.endControlFlow();
    b.nextControlFlow("else");
    b.addComment("reverse: row $L is the pullback of output $L", k, k);
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", k, k, rows, k);
    b.addStatement("double[] $L = new double[$L]", e, rows);
    b.addStatement("$L[$L] = 1", e, k);
    String g = HessianWriter.fresh("g", taken);
    b.addStatement("var $L = $L($L, $L)", g, AdjointNaming.pullbackMethod(f), copies(m), e);
    List<String> parts = new ArrayList<>();
    m.wrt().forEach(p -> parts.add(g + "." + p.name() + "()"));
    b.addStatement("$L[$L] = $T.join($L)", jac, k, FLAT, String.join(", ", parts));
    b.endControlFlow();
    b.endControlFlow();
    b.addStatement("return $L", jac);
    type.addMethod(b.build());
  }

  /** fTangent's arguments: copies of the arguments, then the direction direction's slices. */
  private static List<String> tangentArgs(MethodIR m, String direction) {
    List<String> args = new ArrayList<>(List.of(copies(m)));
    String at = "0";
    for (Variable p : m.wrt()) {
      args.add(p.type().isArray() ? FLAT.canonicalName() + ".slice(" + direction + ", " + at + ", " + p.name()
          + ".length)" : direction + "[" + at + "]");
      at = at + " + " + (p.type().isArray() ? p.name() + ".length" : "1");
    }
    return args;
  }

  /** The arguments, arrays copied, since the method may write into them. */
  private static String copies(MethodIR m) {
    List<String> out = new ArrayList<>();
    for (Variable p : m.params()) {
      boolean receiverOfPrimal = p.kind() == Variable.Kind.RECEIVER;
      out.add(p.type().isArray() && !receiverOfPrimal ? p.name() + ".clone()" : p.name());
    }
    return String.join(", ", out);
  }
}
