package dev.adjoint.processor.ir;

/**
 * Why a construct is outside the differentiable subset: the catalog entry's arguments. The
 * validator turns it into an error at the construct's tree.
 *
 * @param construct what the user wrote, e.g. "a lambda expression"
 * @param hint how to fix it
 */
public record Problem(String id, String construct, String hint) {}
