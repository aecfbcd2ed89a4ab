package org.gradus.plot.pictures;

import org.gradus.optim.schedule.Schedule;
import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.figure.Panel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code plot cosine(period: 100), steps: 0..300}: learning-rate schedules as the rate against the step,
 * each read from the schedule itself ({@code rate(lr, t)}), several at once; {@code lr:} is the base
 * rate (default 1, so the curve is the multiplier).
 */
public final class SchedulePicture {
    static final List<String> OPTIONS = List.of("steps", "lr");

    private SchedulePicture() {
    }

    public static Figure figure(List<Schedule> schedules, PlotOptions o) {
        o.check("a schedule plot", OPTIONS, List.of());
        double[] steps = o.range("steps");
        int from = steps == null ? 0 : (int) Math.ceil(steps[0]), to = steps == null ? 1000 : (int) Math.floor(steps[1]);
        if (from < 0) throw new IllegalArgumentException("steps: schedules start at step 0, not " + from);
        if (to - from > 10_000_000) throw new IllegalArgumentException("steps: at most 10000000 steps can be drawn");
        double lr = o.number("lr", 1);
        double[] t = new double[to - from + 1];
        for (int i = 0; i < t.length; i++) t[i] = from + i;
        List<Layer> layers = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (int k = 0; k < schedules.size(); k++) {
            Schedule s = schedules.get(k);
            double[] rate = s.rates(lr, from, to + 1);
            layers.add(new Curve(s.toString(), t, rate, Palette.onWhite(k), Curve.Dash.SOLID, 2));
            series.add(s.toString());
        }
        String label = o.has("lr") ? "learning rate (lr = " + org.gradus.plot.render.Ticks.format(lr) + ")" : "learning rate ÷ lr";
        Panel p = new Panel(null, Axis.range("step", from, to), Axis.auto(label), layers, false);
        return new Figure(o.text("title", null), List.of(p), series);
    }
}
