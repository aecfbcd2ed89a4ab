package org.gradus.print;

import java.util.Collection;

/**
 * "Did you mean …?" for a misspelt word: the known word nearest to it by edit distance (letters inserted,
 * deleted, changed or swapped) when it is close enough to be the likely intent — {@code gard} → {@code grad},
 * {@code adma} → {@code adam}, {@code methd} → {@code method} — or else a known word the typed one extends
 * or shortens ({@code stationaryPoints} → {@code stationary}, {@code hess} → {@code hessian}).
 */
public final class Spelling {
    private Spelling() {
    }

    /** "; did you mean 'grad'?" or the empty string when nothing is close. */
    public static String didYouMean(String word, Collection<String> known) {
        String near = nearest(word, known);
        return near != null ? "; did you mean '" + near + "'?" : "";
    }

    /** The known word the typed one most likely meant (case ignored), or null when none is close. */
    public static String nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (k.equals(word)) continue;
            int d = distance(word.toLowerCase(), k.toLowerCase());
            if (d < bestDistance || (d == bestDistance && best != null && k.length() < best.length())) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = word.length() <= 3 ? 1 : word.length() <= 6 ? 2 : 3;
        if (best != null && bestDistance <= allowed) return best;
        return partOf(word, known);
    }

    /**
     * A known word that the typed word extends or shortens: the longest known word of at least five letters
     * the typed word starts with, or the one known word that starts with a typed word of at least three
     * letters; null when neither names one word.
     */
    public static String partOf(String word, Collection<String> known) {
        String w = word.toLowerCase(), longest = null, only = null;
        int starting = 0;
        for (String k : known) {
            String kl = k.toLowerCase();
            if (kl.equals(w)) continue;
            if (kl.length() >= 5 && w.startsWith(kl) && (longest == null || kl.length() > longest.length())) longest = k;
            if (w.length() >= 3 && kl.startsWith(w)) {
                starting++;
                only = k;
            }
        }
        return longest != null ? longest : starting == 1 ? only : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
