package dev.adjoint.processor.steps;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.lang.model.element.Element;

/**
 * Runs one unit of work so that nothing it throws reaches javac: a failure becomes an
 * internal-error message on its element, and the other methods go on.
 */
public final class Guard {
  private final Diagnostics diagnostics;

  public Guard(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void run(Element element, Runnable work) {
    try {
      work.run();
    } catch (Throwable t) {
      diagnostics.report(Message.INTERNAL_ERROR, element, stackTrace(t));
    }
  }

  public static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
