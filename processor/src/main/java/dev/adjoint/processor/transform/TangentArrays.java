package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The tangents of a tangent's array values. An array value's tangent is an array: the tangent
 * array of the variable or row it names, a copy of it for {@code clone()}, a fresh zero array for
 * {@code new}, the entries' tangents for an initializer. In a vector tangent it holds every
 * direction ({@link TangentLanes}).
 */
final class TangentArrays {
  private final Printer printer;
  private final TangentContext context;
  private final Names names;
  private final Activity activity;
  /** The directions of a vector tangent; null for one direction. */
  private final TangentLanes lanes;

  TangentArrays(Printer printer, TangentContext context, Names names, Activity activity, TangentLanes lanes) {
    this.printer = printer;
    this.context = context;
    this.names = names;
    this.activity = activity;
    this.lanes = lanes;
  }

  /** The tangent array of an array value (see the class comment). */
  Object tangent(Expr value, Code out) {
    if (value instanceof Expr.VarRef || value instanceof Expr.ArrayRead || value instanceof Expr.Invoke
        || value instanceof Expr.FieldRead) {
      String dot = context.dotOfArray(value);
      return dot != null ? dot : zeros(value);
    } else if (value instanceof Expr.NewArray n) {
      return lanes == null ? printer.printTyped(value) : lanes.newArray(n);
    } else if (value instanceof Expr.ArrayCopy c) {
      String dot = context.dotOfArray(c.source());
      return dot != null ? dot + ".clone()" : zeros(c.source());
    } else if (value instanceof Expr.Conditional c) {
      return Snippet.of(printer.printTyped(c.condition()), " ? ", tangent(c.ifTrue(), out), " : ",
          tangent(c.ifFalse(), out));
    } else if (value instanceof Expr.Literal l && l.text().equals("null")) {
      return "null";
    } else if (value instanceof Expr.ArrayInit init && lanes != null && init.type().dims() == 1) {
      return interleaved(init, out);
    } else if (value instanceof Expr.ArrayInit init) {
      List<Object> elements = new ArrayList<>();
      for (Expr e : init.elements()) {
        if (e.type().isArray()) {
          elements.add(tangent(e, out));
        } else {
          String t = activity.isActive(e) ? context.tangentOf(e, out) : TangentBuilder.zero(e.type());
          elements.add(TangentBuilder.ofType(e.type(), t));
        }
      }
      return Snippet.of("new " + init.type().sourceText() + " {", Snippet.join(", ", elements), "}");
    }
    throw new TransformException(value.tree(), "this array value, in a tangent");
  }

  /**
   * The tangents of {@code {a, b, ...}} in a vector tangent: the entries' tangents in every
   * direction, entry after entry, in a fresh array.
   */
  private String interleaved(Expr.ArrayInit init, Code out) {
    List<Object> entries = new ArrayList<>();
    for (Expr e : init.elements()) {
      String t = activity.isActive(e) ? context.tangentOf(e, out) : null;
      entries.add(t == null ? null : TangentBuilder.ofType(e.type(), t));
    }
    String fresh = names.fresh("dots");
    out.declare(init.type().sourceText(), fresh, "new " + init.type().base().keyword() + "[Math.multiplyExact("
        + entries.size() + ", " + lanes.count() + ")]");
    if (entries.stream().anyMatch(java.util.Objects::nonNull)) {
      lanes.open(out);
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i) != null) {
          out.assign(lanes.element(fresh, String.valueOf(i)), "=", entries.get(i));
        }
      }
      lanes.close(out);
    }
    return fresh;
  }

  /** Zero tangents for an array value without any: shaped like it, in every direction of a vector tangent. */
  private Snippet zeros(Expr array) {
    return lanes == null ? zerosLike(array)
        : Snippet.of(RuntimeClasses.LANES, ".zeros(" + lanes.count() + ", ", printer.printTyped(array), ")");
  }

  Snippet zerosLike(Expr array) {
    return Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(", printer.printTyped(array), ")");
  }
}
