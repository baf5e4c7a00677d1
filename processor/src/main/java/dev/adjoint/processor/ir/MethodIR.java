package dev.adjoint.processor.ir;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One differentiable method, read: its parameters (receiver first for instance methods), which of
 * them the gradient is taken with respect to, and its body.
 *
 * @param element the method
 * @param owner the class that declares it
 * @param params the parameters, with the receiver ({@code self}) first for instance methods
 * @param wrt the parameters that get adjoints, in parameter order
 * @param returnType the result type
 * @param body the method body
 * @param sourceFile the simple file name, for line comments
 */
public record MethodIR(
    ExecutableElement element,
    TypeElement owner,
    List<Variable> params,
    List<Variable> wrt,
    JType returnType,
    Stmt.Block body,
    String sourceFile) {

  public String name() {
    return element.getSimpleName().toString();
  }

  public boolean isStatic() {
    return element.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
  }
}
