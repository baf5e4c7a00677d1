package dev.adjoint.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Puts back what javac's attribution writes into the user's declarations and javac 17 does not
 * clean between rounds.
 *
 * <p>Reading a method body makes javac attribute its whole class in this round, before the adjoint
 * classes exist. For every implicitly typed variable (a {@code var} local, an implicit lambda
 * parameter) Attr stores the type it inferred as a type tree in the declaration: an erroneous tree
 * where the inference failed because a {@code *Adjoint} class is missing. The cleaner between
 * rounds resets symbols and types but not that tree, so the last round takes the variable as
 * explicitly typed with an error already reported, stays silent, and hands half-attributed trees
 * to Flow and TransTypes, which crash. Removing the tree after reading restores the declaration
 * as parsed, and the last round infers its type afresh.
 */
public final class ImplicitTypes {
  private ImplicitTypes() {}

  /** The implicitly typed variables in the units; call it before anything is attributed. */
  public static List<VariableTree> find(Collection<? extends CompilationUnitTree> units) {
    List<VariableTree> found = new ArrayList<>();
    TreeScanner<Void, Void> scanner = new TreeScanner<>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getType() == null || node.getType().getKind() == Tree.Kind.ERRONEOUS) {
          found.add(node);
        }
        return super.visitVariable(node, unused);
      }
    };
    units.forEach(u -> scanner.scan(u, null));
    return found;
  }

  /** Removes the type trees attribution stored in them. */
  public static void restore(List<VariableTree> variables) {
    if (variables.stream().allMatch(v -> v.getType() == null)) {
      return;
    }
    try {
      // JCVariableDecl.vartype: jdk.compiler neither exports nor opens its tree package, so
      // reflection cannot write the field; sun.misc.Unsafe (module jdk.unsupported) can.
      Field vartype = variables.get(0).getClass().getField("vartype");
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      Object unsafe = theUnsafe.get(null);
      long offset = (Long) unsafeClass.getMethod("objectFieldOffset", Field.class).invoke(unsafe, vartype);
      Method put = unsafeClass.getMethod("putObject", Object.class, long.class, Object.class);
      for (VariableTree v : variables) {
        if (v.getType() != null) {
          put.invoke(unsafe, v, offset, null);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot restore the implicitly typed variables javac attributed"
          + " before the adjoint classes existed; javac would crash on them later", e);
    }
  }
}
