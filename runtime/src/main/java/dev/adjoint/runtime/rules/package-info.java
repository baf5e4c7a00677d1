/** What authors of stateful custom rules return: {@link dev.adjoint.runtime.rules.Rrule}. */
package dev.adjoint.runtime.rules;
