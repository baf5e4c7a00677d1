package dev.adjoint.processor.steps;

import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.CallTarget;
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
 */
public final class TangentAvailability {
  private TangentAvailability() {}

  /** Drops, in place, the tangents whose pushforward calls would not compile. */
  public static void settle(Map<TypeElement, List<AdjointClassWriter.Entry>> entries,
      Map<TypeElement, List<ExecutableElement>> round, Elements elements) {
    Set<String> ofRound = new HashSet<>();
    round.forEach((owner, methods) -> methods.forEach(m -> ofRound.add(key(owner.getQualifiedName().toString(),
        m.getSimpleName().toString()))));
    Set<String> available = new HashSet<>();
    entries.forEach((owner, list) -> list.stream().filter(e -> e.tangent() != null)
        .forEach(e -> available.add(key(owner.getQualifiedName().toString(), e.method().name()))));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<TypeElement, List<AdjointClassWriter.Entry>> cls : entries.entrySet()) {
        List<AdjointClassWriter.Entry> list = cls.getValue();
        for (int k = 0; k < list.size(); k++) {
          AdjointClassWriter.Entry e = list.get(k);
          if (e.tangent() != null && !e.tangent().callees().stream().allMatch(c -> exists(c, ofRound, available, elements))) {
            list.set(k, e.withoutTangent());
            available.remove(key(cls.getKey().getQualifiedName().toString(), e.method().name()));
            changed = true;
          }
        }
      }
    }
  }

  private static boolean exists(CallTarget callee, Set<String> ofRound, Set<String> available, Elements elements) {
    String key = key(callee.owner(), callee.name());
    if (ofRound.contains(key)) {
      return available.contains(key);
    }
    TypeElement adjoint = elements.getTypeElement(callee.pullbackOwner());
    if (adjoint == null) {
      return false;
    }
    String pushforward = AdjointNaming.pushforwardIntoMethod(callee.name());
    for (Element member : adjoint.getEnclosedElements()) {
      if (member.getSimpleName().contentEquals(pushforward)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String owner, String method) {
    return owner + "#" + method;
  }
}
