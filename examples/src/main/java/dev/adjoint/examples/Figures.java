package dev.adjoint.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Where the examples write their PNG figures, and the little plotting they share. Public so that
 * the examples in subpackages ({@code joli}, {@code poisson}) share it too.
 */
public final class Figures {
  /** The system property that names the output directory. */
  public static final String OUT_PROPERTY = "adjoint.out";

  /** The output directory when the property is not set (relative to the working directory). */
  static final String DEFAULT_OUT = "target/figures";

  private Figures() {}

  /**
   * Makes AWT headless, so that charts render on a server without a display. It must run before
   * the first AWT class initialises, so every example's main calls it first.
   */
  public static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** The output directory, created if needed. */
  public static Path outputDirectory() {
    Path dir = Paths.get(System.getProperty(OUT_PROPERTY, DEFAULT_OUT));
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the figure directory " + dir.toAbsolutePath(), e);
    }
  }

  /** A 900x560 line chart with the legend below the plot; both axes must be labelled. */
  public static XYChart lineChart(String title, String xTitle, String yTitle) {
    requireLabels(xTitle, yTitle);
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setXAxisTickMarkSpacingHint(90); // about ten labels across, not crowded
    return chart;
  }

  /** Every figure labels both axes. */
  public static void requireLabels(String xTitle, String yTitle) {
    if (xTitle == null || xTitle.isBlank() || yTitle == null || yTitle.isBlank()) {
      throw new IllegalArgumentException("a figure needs both axis titles, got '" + xTitle + "' and '" + yTitle + "'");
    }
  }

  /** Adds a line without markers. */
  public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  /**
   * Adds a dashed line without markers, for a series that may lie on top of another one (two
   * solvers that agree, say): the line below shows through the gaps.
   */
  public static XYSeries dashed(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
    s.setLineWidth(2.5f);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  /** Writes the chart as {@code <name>.png} in the output directory and returns its path. */
  public static Path save(Chart<?, ?> chart, String name) {
    Path file = outputDirectory().resolve(name + ".png");
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
    }
    System.out.println("  wrote " + file);
    return file;
  }
}
