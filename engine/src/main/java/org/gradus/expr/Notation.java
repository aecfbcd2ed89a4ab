package org.gradus.expr;

/**
 * How a node defined above this package writes itself. The printers write the nodes of this package
 * (numbers, variables, elements, sums) themselves and ask every other node — an atom applied to
 * arguments, a function of whole vectors — for its own notation, so that adding a node or an atom
 * never means editing the printers.
 */
public interface Notation {

    /** The node as Groovy text, with the precedence of its outermost operator. */
    GroovyPrinter.Printed groovy(GroovyPrinter printer);

    /** The node as LaTeX, with the precedence of its outermost operator. */
    LatexPrinter.Printed latex(LatexPrinter printer);
}
