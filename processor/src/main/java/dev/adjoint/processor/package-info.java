/**
 * The Adjoint annotation processor: {@code @Differentiable} methods in, {@code *Adjoint} classes
 * out. A map for a newcomer, in the order the stages run ({@link dev.adjoint.processor.steps}
 * orders them, one step class each, deferring a method whose types javac has not resolved yet):
 *
 * <table>
 *   <caption>The stages and where to change them</caption>
 *   <tr><th>stage</th><th>package</th><th>open it to</th></tr>
 *   <tr><td>read</td><td>{@code read}</td><td>accept a new Java construct: {@code MethodReader}
 *       (statements), {@code ExpressionReader} (expressions, fields, calls), {@code CallResolver}
 *       and {@code RuleIndex} (what a call reaches), {@code ReceiverFields} ({@code wrt = "this"})</td></tr>
 *   <tr><td>validate</td><td>{@code validate}, {@code rules}, {@code diagnostics}</td><td>reject a
 *       construct: one {@code Construct} per unsupported form, with its hint; {@code Message} for
 *       the other errors</td></tr>
 *   <tr><td>check calls</td><td>{@code steps.CheckCallsStep}</td><td>the rule that an input-dependent
 *       argument needs a derivative</td></tr>
 *   <tr><td>lower</td><td>{@code lower}</td><td>rewrite the IR before differentiation: control flow
 *       ({@code Normalizer}), evaluation order and calls out of expressions ({@code EvaluationOrder}),
 *       inlining, the JDK's array helpers, private fields read once, final local names</td></tr>
 *   <tr><td>analyze</td><td>{@code analyze}</td><td>facts about the lowered IR: activity, aliases,
 *       what each method writes, loop plans, checkpoints, a checkpointed loop's state
 *       ({@code LoopState}), running extrema, statement records, and
 *       what the reverse sweep reads and so what is recorded ({@code ReverseReads}, with the
 *       primal values each adjoint rule reads in {@code AdjointReads} and the recording rules it
 *       shares with the transform in {@code RecordingRules})</td></tr>
 *   <tr><td>transform</td><td>{@code transform}</td><td>change the adjoint of a construct:
 *       {@code ExpressionAdjoints} (operators), {@code MathAdjoints} ({@code Math} functions),
 *       {@code AssignmentAdjoints} (assignments, {@code min}/{@code max} choices),
 *       {@code CallAdjoints} (calls and rules), {@code LoopAdjoints} and {@code TripCounts} (loops),
 *       {@code BranchAdjoints}, {@code ExtremumAdjoints},
 *       {@code CheckpointedLoopAdjoints} ({@code @Checkpointed} loops, with {@code PrimalCode} for
 *       the steps run again); how it is recorded: {@code Recorder},
 *       {@code RecordBlock}, {@code RecordingSets}; {@code SweepBuilder} runs them and
 *       {@code SweepAssembler} puts the sweep together</td></tr>
 *   <tr><td>write</td><td>{@code write}, {@code emit}</td><td>the generated class's API and layout
 *       ({@code AdjointClassWriter}, {@code ReceiverParamsWriter}, {@code Summary}); the code tree
 *       ({@code emit.Code}, {@code emit.Snippet}) rendered with JavaPoet by {@code CodeRenderer}</td></tr>
 * </table>
 *
 * <p>{@link dev.adjoint.processor.ir} is the IR every stage shares; it is not changed once lowered.
 */
package dev.adjoint.processor;
