package org.gradus.atoms

import spock.lang.Specification

/**
 * The contract every atom signs, checked over every atom the registry reaches ({@link AtomUses}: each
 * function word of {@link Functions} in each of its forms, every atom inside what they build, the
 * operators and the atoms without words) against independent references — central finite
 * differences and sampled values, never the atom's own claims ({@link AtomChecks}):
 * <ul>
 *   <li>each word's expression: its exact gradient (compiled reverse mode and symbolic) agrees with
 *       finite differences wherever every node is defined and smooth;</li>
 *   <li>each atom: its numeric and symbolic local derivatives agree with differences of its value;
 *       {@code range} encloses values sampled on random boxes; a declared curvature holds for sampled
 *       midpoints and a declared monotonicity for sampled pairs; its declared natural domain matches its
 *       domain errors; declared kinks have a reason and one-sided limits and derivatives that
 *       differences confirm; at a tie or a zero where it has a kink, its one-sided directional
 *       derivative matches one-sided differences;</li>
 *   <li>each vector atom: its whole-array value and gradient agree with its scalar form and with
 *       differences, and a declared curvature of affine operands holds for sampled midpoints.</li>
 * </ul>
 * A new atom or word is checked here without editing this spec.
 */
class AtomContractSpec extends Specification {

    def "#call: the exact gradient agrees with central differences"() {
        expect:
        AtomChecks.gradient(call) == []

        where:
        call << AtomUses.wordCalls()
    }

    def "#use: numeric and symbolic local derivatives agree with differences of its value"() {
        expect:
        AtomChecks.localDerivatives(use) == []

        where:
        use << AtomUses.atomUses()
    }

    def "#use: range encloses the values sampled on random boxes"() {
        expect:
        AtomChecks.range(use) == []

        where:
        use << AtomUses.atomUses()
    }

    def "#use: a declared curvature holds for sampled midpoints, a declared monotonicity for sampled pairs"() {
        expect:
        AtomChecks.curvatureAndMonotonicity(use) == []

        where:
        use << AtomUses.atomUses()
    }

    def "#use: the declared natural domain matches its domain errors"() {
        expect:
        AtomChecks.domain(use) == []

        where:
        use << AtomUses.atomUses()
    }

    def "#atom: declared kinks have a reason, and one-sided limits and derivatives that differences confirm"() {
        expect:
        AtomChecks.kinks(atom) == []

        where:
        atom << AtomUses.unaryAtoms()
    }

    def "#use: at a tie or a zero where it has a kink, the one-sided directional derivative matches differences"() {
        expect:
        AtomChecks.oneSidedAtTies(use) == []

        where:
        use << AtomUses.atomUses().findAll { !(it.atom instanceof UnaryAtom) }
    }

    def "#vf.atom(): whole-array value and gradient agree with its scalar form and differences; a declared curvature holds"() {
        expect:
        AtomChecks.vectorAtom(vf) == []

        where:
        vf << AtomUses.vectorFunctions()
    }

    def "the checks find a wrong declaration: a slope off by 0.01%, a range too tight, a wrong curvature"() {
        given: 'exp with a wrong slope, relu with a range too tight, sigmoid declared convex where it is concave'
        UnaryAtom wrongSlope = new UnaryAtom() {
            String name() { 'badexp' }
            double apply(double x) { Math.exp(x) }
            double slope(double x, double y) { y * 1.0001 }
            org.gradus.expr.Expr slope(org.gradus.expr.Expr x, org.gradus.expr.Expr self) { self }
        }
        UnaryAtom tightRange = new UnaryAtom() {
            String name() { 'badrelu' }
            double apply(double x) { Math.max(0, x) }
            double slope(double x, double y) { x > 0 ? 1 : 0 }
            org.gradus.expr.Expr slope(org.gradus.expr.Expr x, org.gradus.expr.Expr self) { Ops.apply(Step.INSTANCE, x) }
            Interval range(Interval x) { new Interval(Math.max(0, x.lo()), Math.max(0, 0.9 * x.hi())) }
        }
        UnaryAtom wrongCurvature = new UnaryAtom() {
            String name() { 'badsigmoid' }
            double apply(double x) { Sigmoid.INSTANCE.apply(x) }
            double slope(double x, double y) { y * (1 - y) }
            org.gradus.expr.Expr slope(org.gradus.expr.Expr x, org.gradus.expr.Expr self) { Sigmoid.INSTANCE.slope(x, self) }
            Curvature curvature(Interval x) { Curvature.CONVEX }
        }
        def use = { Atom a -> new AtomUses.Use(atom: a, args: [new org.gradus.expr.Variable('a0', 0)]) }

        expect:
        !AtomChecks.localDerivatives(use(wrongSlope)).isEmpty()
        !AtomChecks.range(use(tightRange)).isEmpty()
        !AtomChecks.curvatureAndMonotonicity(use(wrongCurvature)).isEmpty()
        AtomChecks.localDerivatives(use(Exp.INSTANCE)).isEmpty()
    }
}
