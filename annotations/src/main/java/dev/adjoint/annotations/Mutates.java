package dev.adjoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the array parameters that a method writes into. The processor puts it on the pullbacks it
 * generates, so that code compiled later knows which arrays a call changes (the caller must save
 * them for its reverse sweep); a {@link CustomRule} of a method that mutates its arrays carries it
 * too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Mutates {
  /** The parameter names. */
  String[] value();

  /**
   * The same parameters by position (0 for the first parameter, not counting an instance
   * method's receiver). A class file keeps no parameter names unless compiled with {@code
   * -parameters}, so code compiled later matches these; {@link #value()} serves where they are
   * absent (a rule written by hand).
   */
  int[] positions() default {};
}
