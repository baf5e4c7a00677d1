package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.ir.Expr;
import java.util.List;

/**
 * The derivatives of {@code java.lang.Math}: for each function, the seed each active argument
 * receives. Arguments and, where the derivative is best written with it, the function's own value
 * are computed once into temporaries.
 *
 * <p>The primal values this code reads are also stated in
 * {@code dev.adjoint.processor.analyze.AdjointReads}, which decides what is recorded: a change to
 * which operands a derivative is written with goes in both ({@link AnalysisCheck} fails otherwise).
 */
final class MathAdjoints {
  private static final String LN10 = "2.302585092994046";
  private static final String DEGREES_PER_RADIAN = "57.29577951308232";
  private static final String RADIANS_PER_DEGREE = "0.017453292519943295";

  private MathAdjoints() {}

  static void propagate(Expr.MathCall m, Seed seed, Code out, AdjointContext b) {
    List<Expr> args = m.args();
    Expr x = args.get(0);
    String owner = m.owner();
    switch (m.function()) {
      case SIN -> b.propagateTo(x, seed.times(owner + ".cos(" + b.operand(x, out) + ")"), out);
      case COS -> b.propagateTo(x, seed.negate().times(owner + ".sin(" + b.operand(x, out) + ")"), out);
      case TAN -> {
        String v = b.operand(m, out);
        b.propagateTo(x, seed.times("(1 + " + v + " * " + v + ")"), out);
      }
      case ASIN -> {
        String a = b.operand(x, out);
        b.propagateTo(x, b.strongOver(seed, out, () -> owner + ".sqrt(1 - " + a + " * " + a + ")"), out);
      }
      case ACOS -> {
        String a = b.operand(x, out);
        b.propagateTo(x, b.strongOver(seed.negate(), out, () -> owner + ".sqrt(1 - " + a + " * " + a + ")"), out);
      }
      case ATAN -> {
        String a = b.operand(x, out);
        b.propagateTo(x, seed.over("(1 + " + a + " * " + a + ")"), out);
      }
      case ATAN2 -> {
        // atan2(y, x): d/dy = x / (x^2 + y^2), d/dx = -y / (x^2 + y^2)
        Expr y = args.get(0);
        Expr xx = args.get(1);
        String yv = b.operand(y, out);
        String xv = b.operand(xx, out);
        String r2 = b.freshName("t");
        out.declare("double", r2, xv + " * " + xv + " + " + yv + " * " + yv);
        Seed s = b.reuse(seed, out);
        // at the origin, where atan2 has no derivative, both partials are taken as 0 (as abs' is)
        b.propagateTo(y, unlessZero(r2, s.times(xv).over(r2)), out);
        b.propagateTo(xx, unlessZero(r2, s.negate().times(yv).over(r2)), out);
      }
      case SINH -> b.propagateTo(x, seed.times(owner + ".cosh(" + b.operand(x, out) + ")"), out);
      case COSH -> b.propagateTo(x, seed.times(owner + ".sinh(" + b.operand(x, out) + ")"), out);
      case TANH -> {
        String v = b.operand(m, out);
        b.propagateTo(x, seed.times("(1 - " + v + " * " + v + ")"), out);
      }
      case EXP -> b.propagateTo(x, seed.times(b.operand(m, out)), out);
      case EXPM1 -> b.propagateTo(x, seed.times("(" + b.operand(m, out) + " + 1)"), out);
      // derivatives infinite at an end of the domain: strong zeros, so a dead value gives 0, not NaN
      case LOG -> b.propagateTo(x, b.strongOver(seed, out, () -> b.operand(x, out)), out);
      case LOG1P -> b.propagateTo(x, b.strongOver(seed, out, () -> "(1 + " + b.operand(x, out) + ")"), out);
      case LOG10 -> b.propagateTo(x, b.strongOver(seed, out, () -> "(" + b.operand(x, out) + " * " + LN10 + ")"), out);
      case SQRT -> b.propagateTo(x, b.strongOver(seed, out, () -> "(2 * " + b.operand(m, out) + ")"), out);
      case CBRT -> {
        String v = b.operand(m, out);
        b.propagateTo(x, b.strongOver(seed, out, () -> "(3 * " + v + " * " + v + ")"), out);
      }
      case POW -> pow(m, seed, out, b);
      case HYPOT -> {
        String v = b.operand(m, out);
        Seed s = b.reuse(seed, out);
        // hypot(0, 0) has no derivative: both partials are taken as 0 there, as abs'(0) is
        b.propagateTo(args.get(0), unlessZero(v, s.times(b.operand(args.get(0), out)).over(v)), out);
        b.propagateTo(args.get(1), unlessZero(v, s.times(b.operand(args.get(1), out)).over(v)), out);
      }
      case ABS -> b.propagateTo(x, seed.times(owner + ".signum(" + b.operand(x, out) + ")"), out);
      case MIN, MAX -> {
        // the argument Math returns gets the whole seed; ties go to the first, as Math.min/max do
        int winner = b.knownWinner(m);
        if (winner >= 0) {
          b.propagateTo(args.get(winner), seed, out);
          return;
        }
        String first = b.recordedChoice(m);
        if (first == null) {
          String l = b.operand(args.get(0), out);
          String r = b.operand(args.get(1), out);
          String cmp = m.function() == dev.adjoint.processor.ir.MathFunction.MIN ? " <= " : " >= ";
          first = l + cmp + r;
        }
        Seed s = b.reuse(seed, out);
        b.openBranch("if (" + first + ")", out);
        b.propagateTo(args.get(0), s, out);
        b.elseBranch(out);
        b.propagateTo(args.get(1), s, out);
        b.closeBranch(out);
      }
      case FMA -> {
        // fma(a, b, c) = a * b + c, rounded once: the partials are b, a and 1
        Seed s = b.reuse(seed, out);
        b.propagateTo(args.get(0), s.times(b.operand(args.get(1), out)), out);
        b.propagateTo(args.get(1), s.times(b.operand(args.get(0), out)), out);
        b.propagateTo(args.get(2), s, out);
      }
      case TO_RADIANS -> b.propagateTo(x, seed.times(RADIANS_PER_DEGREE), out);
      case TO_DEGREES -> b.propagateTo(x, seed.times(DEGREES_PER_RADIAN), out);
      case FLOOR, CEIL, RINT, SIGNUM -> { } // piecewise constant: zero derivative
    }
  }

  /** The seed, or 0 where {@code divisor} (a name) is 0. */
  private static Seed unlessZero(String divisor, Seed seed) {
    return new Seed("(" + divisor + " == 0 ? 0 : " + seed.text() + ")", true);
  }

  /** pow(a, c): d/da = c a^(c-1); d/dc = a^c ln a, taken as 0 where a <= 0 (no real logarithm). */
  private static void pow(Expr.MathCall m, Seed seed, Code out, AdjointContext b) {
    Expr base = m.args().get(0);
    Expr exponent = m.args().get(1);
    boolean baseActive = b.isActive(base);
    boolean exponentActive = b.isActive(exponent);
    Seed s = baseActive && exponentActive ? b.reuse(seed, out) : seed;
    String a = b.operand(base, out);
    String c = b.operand(exponent, out);
    if (baseActive) {
      // c a^(c-1) is 0 * Infinity at a = 0, c = 0, where pow(a, 0) = 1 has derivative 0 (as Clad's)
      boolean literal = exponent instanceof Expr.Literal;
      String factor = c.equals("2.0") || c.equals("2") ? "(2 * " + a + ")"
          : literal ? "(" + c + " * " + m.owner() + ".pow(" + a + ", " + c + " - 1))"
          : "(" + c + " == 0 ? 0 : " + c + " * " + m.owner() + ".pow(" + a + ", " + c + " - 1))";
      b.propagateTo(base, b.strongTimes(s, out, () -> factor), out);
    }
    if (exponentActive) {
      String v = b.operand(m, out);
      b.openBranch("if (" + a + " > 0)", out);
      b.propagateTo(exponent, s.times(v).times(m.owner() + ".log(" + a + ")"), out);
      b.closeBranch(out);
    }
  }
}
