package dev.adjoint.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a method body makes javac attribute its class early, in the round that generates the
 * adjoint classes. javac 17 cannot recover from one pattern attributed then: a call with a lambda
 * argument and a sibling argument that uses an adjoint class not generated yet (it later fails
 * with an AssertionError in TransTypes). This guard finds that pattern by syntax alone, before
 * anything is attributed, so the processor can report it instead of letting javac crash.
 */
public final class AttributionGuard {
  private AttributionGuard() {}

  /** The first call in the unit that has the pattern, or empty. */
  public static Optional<Tree> findHazard(CompilationUnitTree unit, Set<String> pendingAdjoints) {
    Tree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        check(node, node.getArguments());
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        check(node, node.getArguments());
        return super.visitNewClass(node, unused);
      }

      private void check(Tree call, List<? extends ExpressionTree> args) {
        if (found[0] != null || args.stream().noneMatch(a -> a.getKind() == Tree.Kind.LAMBDA_EXPRESSION)) {
          return;
        }
        for (ExpressionTree a : args) {
          if (a.getKind() != Tree.Kind.LAMBDA_EXPRESSION && mentions(a, pendingAdjoints)) {
            found[0] = call;
            return;
          }
        }
      }
    }.scan(unit, null);
    return Optional.ofNullable(found[0]);
  }

  private static boolean mentions(Tree tree, Set<String> names) {
    boolean[] hit = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        hit[0] |= names.contains(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        hit[0] |= names.contains(node.getIdentifier().toString());
        return super.visitMemberSelect(node, unused);
      }
    }.scan(tree, null);
    return hit[0];
  }
}
