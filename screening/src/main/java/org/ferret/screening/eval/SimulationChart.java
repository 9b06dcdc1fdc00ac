package org.ferret.screening.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the weekly simulation as a PNG: selection precision and ranking precision, with and without exploration. */
public final class SimulationChart {
    private SimulationChart() {}

    public static void write(Path png, String title, String a, List<Simulation.Week> wa, String b, List<Simulation.Week> wb) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(a + ": precision of selection", wa, false));
        data.addSeries(series(b + ": precision of selection", wb, false));
        data.addSeries(series(a + ": precision of ranking (hidden labels)", wa, true));
        data.addSeries(series(b + ": precision of ranking (hidden labels)", wb, true));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "simulated week", "precision", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Color ca = new Color(0x1f77b4), cb = new Color(0xd62728);
        r.setSeriesPaint(0, ca);
        r.setSeriesPaint(1, cb);
        r.setSeriesPaint(2, ca);
        r.setSeriesPaint(3, cb);
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setSeriesStroke(2, dashed);
        r.setSeriesStroke(3, dashed);
        plot.setRenderer(r);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
    }

    /**
     * Draws named series of (x, y) points as lines on one chart (NaN points left out), e.g. the learning loop's
     * replay: weekly precision of several runs. Series after the fourth are drawn dashed in the colours again.
     */
    public static void lines(Path png, String title, String xLabel, String yLabel, java.util.Map<String, List<double[]>> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (var e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            for (double[] p : e.getValue()) if (!Double.isNaN(p[1])) s.add(p[0], p[1]);
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, colours[i % colours.length]);
            r.setSeriesStroke(i, i < colours.length ? new BasicStroke(2f) : dashed);
        }
        plot.setRenderer(r);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
    }

    private static XYSeries series(String name, List<Simulation.Week> weeks, boolean ranking) {
        XYSeries s = new XYSeries(name);
        for (Simulation.Week w : weeks) {
            double v = ranking ? w.rankingPrecision() : w.precision();
            if (!Double.isNaN(v)) s.add(w.week(), v);
        }
        return s;
    }
}
