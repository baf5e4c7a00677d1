package dev.adjoint.processor.random;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Generates programs from a seed, compiles them in batches and checks each one. */
final class Tester implements AutoCloseable {
  /** One program's fate. */
  record Report(Program program, Outcome outcome, String detail, int compared, int skipped) {}

  private static final int BATCH = 40;
  private static final long TIME_LIMIT_SECONDS = 30;

  private final BatchCompiler compiler;
  private final Path work;
  private ExecutorService worker = newWorker();

  /** A tester that compiles under {@code work}, a directory it deletes when closed. */
  Tester(Path work) {
    this(work, List.of());
  }

  /** The same, passing the processor options, e.g. {@code -Aadjoint.disable=all}. */
  Tester(Path work, List<String> processorOptions) {
    this.work = work;
    this.compiler = new BatchCompiler(work, processorOptions);
  }

  /** The {@code index}-th program of {@code seed}: the same program every time. */
  static Program program(long seed, int index) {
    return ProgramMaker.make("P" + Long.toUnsignedString(seed, 36) + "x" + index, seed * 1_000_003L + index);
  }

  List<Report> run(long seed, int from, int count) {
    List<Program> programs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      programs.add(program(seed, i));
    }
    return check(programs);
  }

  List<Report> check(List<Program> programs) {
    // the programs that must be rejected compile apart: each would cost the others a javac run
    List<Program> valid = new ArrayList<>();
    List<Program> invalid = new ArrayList<>();
    programs.forEach(p -> (p.expectedError() == null ? valid : invalid).add(p));
    java.util.Map<Program, Report> reports = new java.util.IdentityHashMap<>();
    for (List<Program> group : List.of(valid, invalid)) {
      for (int start = 0; start < group.size(); start += BATCH) {
        List<Program> batch = group.subList(start, Math.min(group.size(), start + BATCH));
        for (BatchCompiler.Result r : compiler.compile(batch)) {
          reports.put(r.program(), r.program().expectedError() != null ? rejection(r)
              : r.compiled() ? check(r) : new Report(r.program(), r.failure(), r.detail(), 0, 0));
        }
      }
    }
    List<Report> ordered = new ArrayList<>();
    programs.forEach(p -> ordered.add(reports.get(p)));
    return ordered;
  }

  /** A program with an unsupported construct must be rejected with its error, at its line. */
  private static Report rejection(BatchCompiler.Result r) {
    Program p = r.program();
    String at = "line " + p.unsupportedLine() + ": " + p.expectedError();
    boolean right = r.failure() == Outcome.REJECTED && r.detail().startsWith(at);
    String detail = right ? "" : "expected " + at + ", got " + (r.compiled() ? "no error" : r.failure() + " " + r.detail());
    return new Report(p, right ? Outcome.EXPECTED_ERROR : Outcome.MISSED_ERROR, detail, 0, 0);
  }

  Report check(Program p) {
    return check(List.of(p)).get(0);
  }

  private Report check(BatchCompiler.Result compiled) {
    Future<Checker.Verdict> verdict = worker.submit(() -> new Checker(compiled.program(), compiled.loader(), compiled.generated()).check());
    try {
      Checker.Verdict v = verdict.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
      return new Report(compiled.program(), v.outcome(), v.detail(), v.compared(), v.skipped());
    } catch (TimeoutException e) {
      verdict.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return new Report(compiled.program(), Outcome.HANG, "ran past " + TIME_LIMIT_SECONDS + " s", 0, 0);
    } catch (ExecutionException e) {
      return new Report(compiled.program(), Outcome.THROWS, "checking threw: " + BatchCompiler.stack(e.getCause()), 0, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "random-program-check");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
