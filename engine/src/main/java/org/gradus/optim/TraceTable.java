package org.gradus.optim;

import org.gradus.data.TableView;
import org.gradus.result.Shown;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code r.trace} as a script reads and shows it: the recorded rows, a list of maps as SPEC §2 says
 * ({@code r.trace[-1].f}, {@code r.trace*.f}, {@code r.trace.findAll { it.epoch == 3 }}), shown as pandas shows
 * {@code pd.DataFrame(r.trace)} — a header of the columns, a line a row numbered from 0, the first and last five
 * around "..." past 60 rows — instead of one line of every map. In JSON, kind {@code table}.
 */
public final class TraceTable extends AbstractList<Map<String, Object>> implements Shown {
    private static final int DIGITS = 6;
    private final List<Map<String, Object>> rows;
    private final List<String> columns;

    TraceTable(Trace trace) {
        this.rows = trace.rows();
        this.columns = trace.columns();
    }

    @Override
    public Map<String, Object> get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public String kind() {
        return "table";
    }

    @Override
    public Map<String, Object> fields() {
        return view().fields();
    }

    @Override
    public String toText() {
        return view().toText();
    }

    private TableView view() {
        List<String> index = new ArrayList<>(rows.size());
        double[][] cells = new double[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            index.add(Integer.toString(r));
            for (int c = 0; c < columns.size(); c++) cells[r][c] = ((Number) rows.get(r).get(columns.get(c))).doubleValue();
        }
        return new TableView(columns, index, cells, DIGITS);
    }
}
