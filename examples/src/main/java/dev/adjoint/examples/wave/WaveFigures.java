package dev.adjoint.examples.wave;

import dev.adjoint.examples.Figures;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/** Heat maps of models, gradients and shot records for the wave examples. */
final class WaveFigures {
  /** Cells per axis at most: larger images are averaged down so the chart stays light. */
  private static final int MAX_CELLS = 120;

  /** A blue-white-red scale for signed fields. */
  static final Color[] SIGNED = {new Color(20, 40, 160), Color.WHITE, new Color(170, 20, 20)};

  /** A dark-to-light scale for velocities. */
  static final Color[] VELOCITY = {new Color(20, 20, 90), new Color(40, 130, 170), new Color(240, 220, 80)};

  /**
   * Signed maps clip their colour scale at this percentile of |value|, so that a few large values
   * near the sources do not wash out the rest.
   */
  static final double CLIP_PERCENTILE = 0.99;

  private WaveFigures() {}

  /**
   * Writes a heat map of {@code values[ix + nx * iz]} (x across, z down) as {@code <name>.png}.
   *
   * @param dx the spacing of the x axis in its unit
   * @param dz the spacing of the z axis in its unit
   * @param symmetric whether to centre the colour scale on zero (for signed fields)
   */
  static Path heatMap(String name, String title, String xTitle, String zTitle, float[] values, int nx, int nz,
      double dx, double dz, Color[] colours, boolean symmetric) {
    int stepX = (nx + MAX_CELLS - 1) / MAX_CELLS;
    int stepZ = (nz + MAX_CELLS - 1) / MAX_CELLS;
    int cx = nx / stepX;
    int cz = nz / stepZ;
    List<Number> xs = new ArrayList<>();
    List<Number> zs = new ArrayList<>();
    for (int i = 0; i < cx; i++) {
      xs.add(label(i * stepX * dx));
    }
    for (int k = 0; k < cz; k++) {
      zs.add(label((cz - 1 - k) * stepZ * dz)); // depth grows downwards
    }
    double min = Double.POSITIVE_INFINITY;
    double top = Double.NEGATIVE_INFINITY;
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < cx; i++) {
      for (int k = 0; k < cz; k++) {
        double s = 0;
        for (int a = 0; a < stepX; a++) {
          for (int b = 0; b < stepZ; b++) {
            s += values[i * stepX + a + nx * (k * stepZ + b)];
          }
        }
        double v = s / (stepX * stepZ);
        min = Math.min(min, v);
        top = Math.max(top, v);
        cells.add(new Number[] {i, cz - 1 - k, v});
      }
    }
    Figures.requireLabels(xTitle, zTitle);
    HeatMapChart chart = new HeatMapChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
        .yAxisTitle(zTitle).build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setRangeColors(colours);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setDrawBorder(false);
    chart.getStyler().setAntiAlias(false);
    chart.getStyler().setXAxisMaxLabelCount(12);
    chart.getStyler().setYAxisTickMarkSpacingHint(40);
    chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(java.util.Locale.ROOT, "%.3g", v));
    if (symmetric) {
      double clip = percentile(cells, CLIP_PERCENTILE);
      chart.getStyler().setMin(-clip);
      chart.getStyler().setMax(clip);
    } else {
      chart.getStyler().setMin(Math.floor(min * 100) / 100);
      chart.getStyler().setMax(Math.ceil(top * 100) / 100);
    }
    chart.addSeries(title, xs, zs, cells);
    return Figures.save(chart, name);
  }

  /** An axis position, rounded to a whole number when it is large enough to read that way. */
  private static Number label(double v) {
    return Math.abs(v) >= 10 ? (Number) Math.round(v) : (Number) (Math.round(v * 100) / 100.0);
  }

  /** The {@code p}-quantile of the cells' absolute values (never 0, so the scale stays valid). */
  private static double percentile(List<Number[]> cells, double p) {
    double[] a = new double[cells.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.abs(cells.get(i)[2].doubleValue());
    }
    java.util.Arrays.sort(a);
    double v = a.length == 0 ? 0 : a[(int) Math.min(a.length - 1, Math.floor(p * a.length))];
    return v > 0 ? Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)) : 1;
  }
}
