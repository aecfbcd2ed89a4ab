package org.gradus.expr;

/**
 * The key of a data reduction ({@link SumOver#dataRows()}): the data set's display name and a unique
 * number, {@code houses#3}, so two data sets with one name never share a mini-batch.
 */
public final class DataRowsKey {
    private DataRowsKey() {
    }

    public static String of(String displayName, long id) {
        return displayName + "#" + id;
    }

    public static String displayName(String key) {
        int hash = key.lastIndexOf('#');
        return hash < 0 ? key : key.substring(0, hash);
    }
}
