package org.gradus.diff;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOp;
import org.gradus.atoms.array.ArrayOps;
import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableArray;
import org.gradus.expr.VariableBlock;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbolic reverse mode over whole arrays: the adjoint of every variable block of a scalar expression —
 * a scalar for a variable, an array expression of the block's shape for a vector or matrix variable
 * ({@code 2*(A.T * (A * v))}). The graph is sorted once; from the seed 1 each node passes its adjoint to
 * its operands by its local rule — an atom's partial derivative (elementwise for arrays, summed where
 * a scalar was broadcast), an array operation's vector–Jacobian product ({@link ArrayOp#adjoint}) —
 * and contributions accumulate by addition, as micrograd does with numbers. A reduction passes its
 * adjoint into its body and sums what the body gives back over the range; no array is ever unrolled
 * into one node per element.
 */
final class Adjoints {
    private final Map<Expr, List<Expr>> contributions = new IdentityHashMap<>();
    private final Map<VariableBlock, List<Expr>> blocks = new LinkedHashMap<>();

    private Adjoints() {
    }

    /** ∂f/∂block for every variable block f depends on (blocks it does not reach are absent). */
    static Map<VariableBlock, Expr> of(Expr f) {
        return of(f, Constant.ONE);
    }

    /** seed·∂f/∂block: f's adjoint is {@code seed} (an expression of f's shape). */
    static Map<VariableBlock, Expr> of(Expr f, Expr seed) {
        Adjoints a = new Adjoints();
        a.run(f, seed);
        Map<VariableBlock, Expr> out = new LinkedHashMap<>();
        a.blocks.forEach((b, cs) -> out.put(b, Ops.add(cs)));
        return out;
    }

    private void run(Expr root, Expr seed) {
        List<Expr> order = Traversal.postOrder(root);
        contribute(root, seed);
        for (int i = order.size() - 1; i >= 0; i--) {
            Expr node = order.get(i);
            List<Expr> cs = contributions.remove(node);
            if (cs == null) continue;
            Expr g = Ops.add(cs);
            if (ArrayOps.isZero(g)) continue;
            pass(node, g);
        }
    }

    private void contribute(Expr target, Expr term) {
        if (!Dependence.dependsOnVariables(target) || ArrayOps.isZero(term)) return;
        contributions.computeIfAbsent(target, k -> new ArrayList<>()).add(term);
    }

    private void toBlock(VariableBlock b, Expr term) {
        blocks.computeIfAbsent(b, k -> new ArrayList<>()).add(term);
    }

    /** Passes the node's adjoint g to its operands. */
    private void pass(Expr node, Expr g) {
        if (node instanceof Variable v) toBlock(v, g);
        else if (node instanceof VariableArray va) toBlock(va.variable(), g);
        else if (node instanceof Element el) toBlock(el.vector(), Ops.mul(g, ArrayOps.oneHot(el.index(), el.vector().shape())));
        else if (node instanceof VectorFunction vf) contribute(vf.lowered(), g);
        else if (node instanceof SumOver s) sum(s, g);
        else if (node instanceof Apply a) apply(a, g);
        else if (node instanceof ArrayNode n) array(n, g);
    }

    /** An atom, elementwise: ḡ times its partial derivative in each operand, summed over a broadcast scalar. */
    private void apply(Apply a, Expr g) {
        List<Expr> args = a.args();
        for (int k = 0; k < args.size(); k++) {
            Expr arg = args.get(k);
            if (!Dependence.dependsOnVariables(arg)) continue;
            Expr term = Ops.mul(g, a.atom().derivative(k, args, a));
            if (!arg.isArray() && term.isArray()) term = ArrayOps.sum(term);
            contribute(arg, term);
        }
    }

    private void array(ArrayNode n, Expr g) {
        ArrayOp op = n.op();
        for (int k = 0; k < n.args().size(); k++) {
            if (op.isIndex(k) || !Dependence.dependsOnVariables(n.arg(k))) continue;
            Expr term = op.adjoint(k, n.args(), n, g);
            if (term != null) contribute(n.arg(k), term);
        }
    }

    /** A reduction: the body's adjoints, seeded with g (which does not depend on the index), summed over the range. */
    private void sum(SumOver s, Expr g) {
        Map<VariableBlock, Expr> inner = of(s.body(), g);
        inner.forEach((b, adj) -> toBlock(b, Ops.sum(s.index(), s.from(), s.to(), adj, s.dataRows())));
    }
}
