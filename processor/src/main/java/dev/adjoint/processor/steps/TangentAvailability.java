package dev.adjoint.processor.steps;

import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.transform.Tangent;
import dev.adjoint.processor.write.AdjointClassWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Keeps a method's tangent only where every pushforward it calls will exist, so that no generated
 * class calls one that is missing: a callee of this round must keep its own tangent (settled to a
 * fixed point, since dropping one tangent may drop its callers'), and a callee compiled earlier
 * must have a pushforward in its adjoint class.
 *
 * <p>The same holds for whole adjoints of the classes this processor wrote (differentiated for
 * second derivatives), whose errors are quiet: a method there whose callee got no adjoint is left
 * out too, rather than calling a pullback that does not exist.
 */
public final class TangentAvailability {
  private TangentAvailability() {}

  /**
   * Drops, in place, the tangents whose pushforward calls would not compile; returns each dropped
   * method with the callee that has no pushforward.
   */
  public static Map<ExecutableElement, String> settle(Map<TypeElement, List<AdjointClassWriter.Entry>> entries,
      Map<TypeElement, List<ExecutableElement>> round, Elements elements) {
    return settle(entries, round, elements, AdjointClassWriter.Entry::tangent, AdjointNaming::pushforwardIntoMethod,
        AdjointClassWriter.Entry::withoutTangent);
  }

  /**
   * Drops, in place, the vector tangents that call a vector pushforward no class will have (the
   * classes written for second derivatives have none).
   */
  public static void settleVectors(Map<TypeElement, List<AdjointClassWriter.Entry>> entries,
      Map<TypeElement, List<ExecutableElement>> round, Elements elements) {
    settle(entries, round, elements, e -> e.tangent() == null ? null : e.tangent().vector(),
        AdjointNaming::pushforwardsIntoMethod, AdjointClassWriter.Entry::withoutVectorTangent);
  }

  /**
   * The fixed point of both: a tangent whose callee's pushforward (named by {@code pushforward})
   * will not exist is dropped, which may drop its callers' in turn.
   */
  private static Map<ExecutableElement, String> settle(Map<TypeElement, List<AdjointClassWriter.Entry>> entries,
      Map<TypeElement, List<ExecutableElement>> round, Elements elements,
      java.util.function.Function<AdjointClassWriter.Entry, Tangent> tangentOf,
      java.util.function.UnaryOperator<String> pushforward,
      java.util.function.UnaryOperator<AdjointClassWriter.Entry> drop) {
    Map<ExecutableElement, String> dropped = new java.util.LinkedHashMap<>();
    Set<String> ofRound = keys(round);
    Set<String> available = new HashSet<>();
    entries.forEach((owner, list) -> list.stream().filter(e -> tangentOf.apply(e) != null)
        .forEach(e -> available.add(key(owner.getQualifiedName().toString(), e.method().name()))));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<TypeElement, List<AdjointClassWriter.Entry>> cls : entries.entrySet()) {
        List<AdjointClassWriter.Entry> list = cls.getValue();
        for (int k = 0; k < list.size(); k++) {
          AdjointClassWriter.Entry e = list.get(k);
          Tangent t = tangentOf.apply(e);
          java.util.Optional<CallTarget> missing = t == null ? java.util.Optional.empty()
              : t.callees().stream().filter(c -> !exists(c, pushforward.apply(c.name()), ofRound, available, elements))
                  .findFirst();
          if (missing.isPresent()) {
            dropped.put(e.method().element(), missing.get().displayName());
            list.set(k, drop.apply(e));
            available.remove(key(cls.getKey().getQualifiedName().toString(), e.method().name()));
            changed = true;
          }
        }
      }
    }
    return dropped;
  }

  /**
   * Drops, in place, the adjoints of methods of generated classes that are too large or whose
   * callees got none; returns, per class, why each was left out (for its class's Javadoc).
   */
  public static Map<TypeElement, List<String>> settleGenerated(Map<TypeElement, List<AdjointClassWriter.Entry>> entries,
      Map<TypeElement, List<ExecutableElement>> round, Elements elements) {
    Map<TypeElement, List<String>> leftOut = new java.util.LinkedHashMap<>();
    Set<String> ofRound = keys(round);
    Set<String> available = new HashSet<>();
    entries.forEach((owner, list) -> list.forEach(e -> available.add(key(owner.getQualifiedName().toString(),
        e.method().name()))));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<TypeElement, List<AdjointClassWriter.Entry>> cls : entries.entrySet()) {
        if (!Annotations.isGeneratedByAdjoint(cls.getKey())) {
          continue;
        }
        java.util.Iterator<AdjointClassWriter.Entry> it = cls.getValue().iterator();
        while (it.hasNext()) {
          AdjointClassWriter.Entry e = it.next();
          boolean large = tooLarge(e);
          java.util.Optional<CallTarget> missing = callees(e).stream()
              .filter(c -> !existsAdjoint(c, ofRound, available, elements)).findFirst();
          if (large || missing.isPresent()) {
            leftOut.computeIfAbsent(cls.getKey(), k -> new java.util.ArrayList<>()).add("{@code " + e.method().name() + "}"
                + (large ? ": its adjoint would pass the JVM's 64 KB method limit"
                    : ": it calls {@code " + missing.get().name() + "}, which has no adjoint here"));
            it.remove();
            available.remove(key(cls.getKey().getQualifiedName().toString(), e.method().name()));
            changed = true;
          }
        }
      }
    }
    return leftOut;
  }

  /**
   * Characters of one generated method past which its bytecode may pass the JVM's 64 KB limit: a
   * sweep of a large pushforward is left out rather than written and refused by javac. Generated
   * sweeps compile to 0.17 to 0.23 bytes per character of source; this leaves a margin of 1.6.
   */
  private static final int MAX_CHARACTERS = 180_000;

  private static boolean tooLarge(AdjointClassWriter.Entry e) {
    return e.sweep().body().lines().stream().mapToInt(String::length).sum() > MAX_CHARACTERS;
  }

  private static List<CallTarget> callees(AdjointClassWriter.Entry e) {
    List<CallTarget> out = new java.util.ArrayList<>();
    IrWalker.allExpressions(e.method().body(), x -> {
      if (x instanceof Expr.Invoke call && call.target().kind() == CallTarget.Kind.DIFFERENTIABLE) {
        out.add(call.target());
      }
    });
    return out;
  }

  private static boolean existsAdjoint(CallTarget callee, Set<String> ofRound, Set<String> available,
      Elements elements) {
    String key = key(callee.owner(), callee.name());
    if (ofRound.contains(key)) {
      return available.contains(key);
    }
    TypeElement adjoint = elements.getTypeElement(callee.pullbackOwner());
    return adjoint != null && adjoint.getEnclosedElements().stream()
        .anyMatch(m -> m.getSimpleName().contentEquals(callee.pullbackName()));
  }

  private static boolean exists(CallTarget callee, String pushforward, Set<String> ofRound, Set<String> available,
      Elements elements) {
    String key = key(callee.owner(), callee.name());
    if (ofRound.contains(key)) {
      return available.contains(key);
    }
    TypeElement adjoint = elements.getTypeElement(callee.pullbackOwner());
    if (adjoint == null) {
      return false;
    }
    boolean vector = pushforward.equals(AdjointNaming.pushforwardsIntoMethod(callee.name()));
    for (Element member : adjoint.getEnclosedElements()) {
      if (member.getSimpleName().contentEquals(pushforward)
          && (!vector || directionsInnermost((ExecutableElement) member, callee))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a vector pushforward compiled earlier has this Adjoint's layout, where an array's
   * tangents have the array's own type: one compiled by an older Adjoint took an array of them, one
   * per direction, and a call in today's layout would not compile.
   */
  private static boolean directionsInnermost(ExecutableElement pushforwards, CallTarget callee) {
    List<? extends javax.lang.model.element.VariableElement> params = pushforwards.getParameters();
    int k = (callee.isStatic() ? 0 : 1) + callee.params().size() + 1; // after the arguments and the directions
    for (CallTarget.Param p : callee.params()) {
      if (!p.differentiable()) {
        continue;
      }
      if (k >= params.size()) {
        return false;
      }
      if (dims(params.get(k++).asType()) != Math.max(1, p.type().dims())) {
        return false;
      }
    }
    // an array result's tangents too: the older layout returned one array of them per direction
    return callee.returnType().isVoid() || dims(pushforwards.getReturnType()) == Math.max(1, callee.returnType().dims());
  }

  private static int dims(javax.lang.model.type.TypeMirror t) {
    int dims = 0;
    while (t instanceof javax.lang.model.type.ArrayType a) {
      dims++;
      t = a.getComponentType();
    }
    return dims;
  }

  /** "owner#method" of each method of the round. */
  private static Set<String> keys(Map<TypeElement, List<ExecutableElement>> round) {
    Set<String> out = new HashSet<>();
    round.forEach((owner, methods) -> methods.forEach(m -> out.add(key(owner.getQualifiedName().toString(),
        m.getSimpleName().toString()))));
    return out;
  }

  private static String key(String owner, String method) {
    return owner + "#" + method;
  }
}
