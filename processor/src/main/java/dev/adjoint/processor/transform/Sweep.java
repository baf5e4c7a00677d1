package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.FieldHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated body and what it is made of, for the writer and the verbose report. {@code
 * recordBody} and {@code reverseBody} are the two halves of split reversal (see {@link
 * CallAdjoints}), which take the tape as {@code tapeName}; null for a method that returns an
 * array. {@code splitCallees}: the same-class methods this sweep reverses split.
 * {@code localNames}: the simple names the body uses, as text, for classes of the adjoint's package.
 * {@code fieldHandles}: the private fields the body reads through the adjoint class's handles.
 */
public record Sweep(
    Code body,
    List<String> paramNames,
    String seedName,
    List<String> barParamNames,
    String valueOutName,
    String sharedTapeName,
    Set<String> active,
    Set<String> recorded,
    List<String> mutatedParams,
    Code recordBody,
    Code reverseBody,
    String tapeName,
    Set<String> splitCallees,
    Set<String> localNames,
    Set<FieldHandle> fieldHandles,
    Map<Long, Set<String>> recordedPerIteration) {}
