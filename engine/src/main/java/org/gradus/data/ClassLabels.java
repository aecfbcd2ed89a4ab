package org.gradus.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classes of a class target ({@code csv(..., target: 'label', classes: true)}): the distinct labels,
 * sorted — by value when every label is a number, otherwise as text (as scikit-learn's LabelEncoder
 * orders them) — numbered 0..K−1, and each row's label replaced by its class number.
 */
final class ClassLabels {
    private ClassLabels() {
    }

    /**
     * Writes each row's class number into {@code y} and returns the labels in class order.
     *
     * @param labels the label text of rows 0..rows−1 (surrounding spaces and quotes already removed)
     */
    static List<String> encode(String[] labels, int rows, double[] y) {
        TreeSet<String> distinct = new TreeSet<>();
        for (int r = 0; r < rows; r++) distinct.add(labels[r]);
        List<String> ordered = new ArrayList<>(distinct);
        if (ordered.stream().allMatch(ClassLabels::isNumber)) {
            ordered.sort((a, b) -> Double.compare(JavaDoubleParser.parseDouble(a), JavaDoubleParser.parseDouble(b)));
        }
        Map<String, Integer> number = new HashMap<>();
        for (int k = 0; k < ordered.size(); k++) number.put(ordered.get(k), k);
        for (int r = 0; r < rows; r++) y[r] = number.get(labels[r]);
        return List.copyOf(ordered);
    }

    private static boolean isNumber(String s) {
        try {
            JavaDoubleParser.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
