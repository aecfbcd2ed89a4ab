package org.gradus.dsl.compile

import groovy.transform.CompileStatic

/**
 * A formula copied from lecture notes or a PDF keeps the signs of printed mathematics: the minus sign − (not the
 * hyphen -), ·, ×, ≤, ≥, √, superscript powers x², and |x| for the absolute value. Groovy's parser rejects them as
 * "Unexpected character: '−'"; {@link #hint} says how a script writes each.
 */
@CompileStatic
final class MathNotation {
    private static final Map<String, String> SIGNS = [
            '−': "'−' is the minus sign of printed mathematics: a script writes the hyphen '-', x - 1",
            '–': "'–' is a dash: a script writes the minus sign as the hyphen '-', x - 1",
            '·': "'·' is a product: a script writes '*', 2*x",
            '⋅': "'⋅' is a product: a script writes '*', 2*x",
            '×': "'×' is a product: a script writes '*', 2*x (and W * v for a matrix times a vector)",
            '÷': "'÷' is a quotient: a script writes '/', x/2",
            '≤': "'≤' is written '<=' in a script: x <= 1",
            '≥': "'≥' is written '>=' in a script: x >= 1",
            '≠': "'≠' is written '!=' in a script",
            '√': "'√' is written sqrt(...) in a script: sqrt(x), sqrt(x**2 + 1)",
            '∑': "'∑' is written sum(...) in a script: sum(v), or sum(data) { row -> ... } over a data set",
    ]

    /** Superscript digits and signs, as in x² or e⁻ˣ. */
    private static final String SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺'

    private MathNotation() {
    }

    /** How a script writes the character the parser rejected, or null when it is no sign of printed mathematics. */
    static String unexpectedCharacter(String character) {
        if (character == null || character.isEmpty()) return null
        if (SUPERSCRIPTS.contains(character)) return "'${character}' is a superscript: a script writes a power with **, x**2, exp(-x)"
        SIGNS.get(character)
    }

    /** For a line the parser stopped at a '|': |x| is the absolute value of printed mathematics. */
    static String bars(String line) {
        line != null && line =~ /(?<![|])\|[^|]+\|(?![|])/ ? "|x| is written abs(x) in a script (norm2(v) for a vector's length)" : null
    }
}
