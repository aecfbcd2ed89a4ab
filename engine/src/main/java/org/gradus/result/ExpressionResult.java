package org.gradus.result;

import org.gradus.expr.Expr;
import org.gradus.expr.VariableBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression a script shows: its Groovy text and the variables it depends on; an array expression adds its shape. */
public record ExpressionResult(Expr expr) implements Shown {
    @Override
    public String kind() {
        return "expression";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", expr.toString());
        List<String> vars = new ArrayList<>();
        for (VariableBlock b : expr.layout().blocks()) vars.add(b.name());
        m.put("variables", vars);
        if (expr.isArray()) m.put("shape", expr.shape().dims());
        return m;
    }

    @Override
    public String toText() {
        return expr.toString();
    }
}
