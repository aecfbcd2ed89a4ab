package org.gradus.repl

import org.jline.utils.AttributedString
import org.jline.utils.AttributedStyle
import spock.lang.Specification

class HighlighterSpec extends Specification {
    def highlighter = new GradusHighlighter({ [f: 1] }, { Vocabulary.get() })

    AttributedStyle styleOf(AttributedString s, String text, String word) {
        s.styleAt(text.indexOf(word))
    }

    def "keywords, numbers, strings, comments, built-ins and variables get their colours"() {
        given:
        String text = "for (r in [0.1, 1e-3]) { show(minimize(f, method: 'adam', lr: r)) } // try both"
        AttributedString s = highlighter.highlight(null, text)

        expect:
        s.toString() == text
        styleOf(s, text, 'for') == GradusHighlighter.KEYWORD
        styleOf(s, text, '0.1') == GradusHighlighter.NUMBER
        styleOf(s, text, '1e-3') == GradusHighlighter.NUMBER
        styleOf(s, text, "'adam'") == GradusHighlighter.STRING
        styleOf(s, text, 'minimize') == GradusHighlighter.BUILTIN
        styleOf(s, text, 'f,') == GradusHighlighter.VARIABLE
        styleOf(s, text, '// try') == GradusHighlighter.COMMENT
        styleOf(s, text, 'lr') == AttributedStyle.DEFAULT
    }

    def "before the words are read (the first prompt is drawn without waiting for them) only their words lack colour"() {
        given:
        String text = "for (r in [0.1]) show(minimize(f, lr: r)) // once"
        AttributedString s = new GradusHighlighter({ [f: 1] }, { null }).highlight(null, text)

        expect:
        s.toString() == text
        styleOf(s, text, 'for') == AttributedStyle.DEFAULT
        styleOf(s, text, 'minimize') == AttributedStyle.DEFAULT
        styleOf(s, text, '0.1') == GradusHighlighter.NUMBER
        styleOf(s, text, 'f,') == GradusHighlighter.VARIABLE
        styleOf(s, text, '// once') == GradusHighlighter.COMMENT
    }

    def "a :command is bold"() {
        expect:
        highlighter.highlight(null, ':save s.opt').styleAt(0) == GradusHighlighter.COMMAND
    }
}
