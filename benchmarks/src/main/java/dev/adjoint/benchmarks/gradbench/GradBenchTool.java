package dev.adjoint.benchmarks.gradbench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Adjoint as a GradBench tool: {@code java -jar adjoint-gradbench.jar} speaks GradBench's JSON-lines
 * protocol on standard input and output. Two subcommands share the jar: {@code validate DIR}
 * ({@link Validator}) and {@code jmh [JMH options]} (the JMH benchmarks).
 */
public final class GradBenchTool {
  private GradBenchTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      serve();
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "validate" -> System.exit(Validator.run(rest, System.out));
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "-h", "--help", "help" -> System.out.print(usage());
      default -> {
        System.err.print("unknown command: " + args[0] + "\n" + usage());
        System.exit(2);
      }
    }
  }

  /** Answers each line of standard input with one line on standard output, until end of input. */
  static void serve() throws IOException {
    // Only protocol replies may reach standard output: anything else printed goes to stderr.
    PrintStream log = System.err;
    System.setOut(log);
    Writer out = new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    BufferedReader in = new BufferedReader(
        new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    Protocol protocol = new Protocol(log);
    for (String line; (line = in.readLine()) != null; ) {
      out.write(protocol.handleLine(line));
      out.write('\n');
      out.flush();
    }
  }

  static String usage() {
    return """
        usage: java -jar adjoint-gradbench.jar                  GradBench tool on stdin/stdout
               java -jar adjoint-gradbench.jar validate DIR [--evals a,b] [--min-runs N]
                                                       [--min-seconds S] [--markdown]
               java -jar adjoint-gradbench.jar jmh [JMH options]
        """;
  }
}
