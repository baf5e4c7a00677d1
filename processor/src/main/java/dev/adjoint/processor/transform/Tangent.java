package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.FieldHandle;
import dev.adjoint.processor.ir.CallTarget;
import java.util.List;
import java.util.Set;

/**
 * A method's generated tangent (forward mode): the body of its pushforward and what the writer
 * needs around it.
 *
 * @param body the pushforward's body: the original statements, each preceded by its tangent
 * @param dotParamNames the tangent parameter of each differentiable parameter, in order
 * @param valueOutName the parameter that receives the value (an array of one, may be null)
 * @param callees the differentiable methods whose pushforwards the body calls
 * @param localNames the simple names the body uses for classes of the adjoint's package
 * @param fieldHandles the private fields the body reads through the adjoint class's handles
 * @param directionsName in a vector tangent, the parameter that gives the number of directions;
 *     null in a tangent of one direction
 * @param vector the vector tangent that goes with a tangent of one direction, or null
 */
public record Tangent(
    Code body,
    List<String> dotParamNames,
    String valueOutName,
    List<CallTarget> callees,
    Set<String> localNames,
    Set<FieldHandle> fieldHandles,
    String directionsName,
    Tangent vector) {

  /** This tangent with its vector tangent. */
  public Tangent withVector(Tangent lanes) {
    return new Tangent(body, dotParamNames, valueOutName, callees, localNames, fieldHandles, directionsName, lanes);
  }
}
