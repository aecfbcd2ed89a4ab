package org.gradus.eval;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Dot;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.array.ArgMax;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOp;
import org.gradus.atoms.array.Block;
import org.gradus.atoms.array.CrossEntropy;
import org.gradus.atoms.array.Embed;
import org.gradus.atoms.array.Fill;
import org.gradus.atoms.array.Index;
import org.gradus.atoms.array.LogSumExpOf;
import org.gradus.atoms.array.MatrixProduct;
import org.gradus.atoms.array.MaxOf;
import org.gradus.atoms.array.Mean;
import org.gradus.atoms.array.OneHot;
import org.gradus.atoms.array.Outer;
import org.gradus.atoms.array.QuadFormOf;
import org.gradus.atoms.array.Softmax;
import org.gradus.atoms.array.Stack;
import org.gradus.atoms.array.Sum;
import org.gradus.atoms.array.Trace;
import org.gradus.atoms.array.Transpose;
import org.gradus.atoms.array.VectorAtomOp;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.expr.SumOver;
import org.gradus.expr.TableSlice;
import org.gradus.expr.VariableArray;

import java.util.ArrayList;
import java.util.List;

import static org.gradus.eval.Opcode.*;

/**
 * The array instructions of a tape: each array node becomes one instruction over whole arrays, chosen by
 * its operation — W·x is AMATVEC, {@code v + 1} AADDS, {@code 2*v} AMULC, {@code tanh(u)} AUNARY — and
 * scalar operands of elementwise operations broadcast (AADDS, AMULS, or an AFILL).
 */
final class ArrayTapeBuilder {
    private final TapeBuilder tape;

    ArrayTapeBuilder(TapeBuilder tape) {
        this.tape = tape;
    }

    int emit(Expr e) {
        int n = e.shape().isScalar() ? 0 : e.shape().size();
        if (e instanceof VariableArray va) return tape.addArray(AVAR, tape.offsetOf(va.variable()), 0, 0, null, null, n);
        if (e instanceof ConstantArray ca) {
            int id = tape.addArray(ACONST, 0, 0, 0, null, null, n);
            tape.setTable(id, ca.values());
            return id;
        }
        if (e instanceof TableSlice ts) {
            int id = tape.addArray(ATABLE, 0, tape.emit(ts.base()), 0, null, null, n);
            tape.setTable(id, ts.table());
            return id;
        }
        if (e instanceof SumOver s) return tape.addArrayLoop(s);
        if (e instanceof Apply ap) return elementwise(ap, n);
        return operation((ArrayNode) e, n);
    }

    private int elementwise(Apply ap, int n) {
        Atom at = ap.atom();
        List<Expr> xs = ap.args();
        if (at instanceof Add) return chain(xs, n, AADD, AADDS, -1);
        if (at instanceof Multiply) return chain(xs, n, AMUL, AMULS, AMULC);
        if (at instanceof Divide) return tape.addArray(ADIV, array(xs.get(0), n), array(xs.get(1), n), 0, null, null, n);
        if (at instanceof Power && xs.get(1) instanceof Constant c && xs.get(0).isArray()) {
            int base = tape.emit(xs.get(0));
            return c.value() == 2 ? tape.addArray(ASQ, base, 0, 0, null, null, n) : tape.addArray(APOWC, base, 0, c.value(), null, null, n);
        }
        if (at instanceof UnaryAtom) return tape.addArray(AUNARY, tape.emit(xs.get(0)), 0, 0, null, at, n);
        int[] ids = new int[xs.size()];
        for (int k = 0; k < ids.length; k++) ids[k] = array(xs.get(k), n);
        return tape.addArray(AGENERIC, 0, 0, 0, ids, at, n);
    }

    /**
     * A sum or product of arrays and scalars: the arrays combined pairwise in order, then the scalars
     * (constants with {@code constOp} when there is one).
     */
    private int chain(List<Expr> xs, int n, byte arrayOp, byte scalarOp, int constOp) {
        int acc = -1;
        for (Expr x : xs) {
            if (!x.isArray()) continue;
            int id = tape.emit(x);
            acc = acc < 0 ? id : tape.addArray(arrayOp, acc, id, 0, null, null, n);
        }
        for (Expr x : xs) {
            if (x.isArray()) continue;
            if (constOp >= 0 && x instanceof Constant c) acc = tape.addArray((byte) constOp, acc, 0, c.value(), null, null, n);
            else acc = tape.addArray(scalarOp, acc, tape.emit(x), 0, null, null, n);
        }
        return acc;
    }

    /** An operand as an array of n elements: a scalar is broadcast. */
    private int array(Expr x, int n) {
        int id = tape.emit(x);
        return x.isArray() ? id : tape.addArray(AFILL, id, 0, 0, null, null, n);
    }

    private int operation(ArrayNode node, int n) {
        ArrayOp op = node.op();
        List<Expr> xs = node.args();
        Shape s0 = xs.get(0).shape();
        if (op instanceof Fill) return tape.addArray(AFILL, tape.emit(xs.get(0)), 0, 0, null, null, n);
        if (op instanceof MatrixProduct) {
            int a = tape.emit(xs.get(0)), b = tape.emit(xs.get(1));
            Shape sb = xs.get(1).shape();
            if (sb.isVector()) return tape.addArray(AMATVEC, a, b, 0, null, null, n, s0.rows(), s0.columns());
            return tape.addArray(AMATMUL, a, b, 0, null, null, n, s0.rows(), s0.columns(), sb.columns());
        }
        if (op instanceof Transpose) return tape.addArray(ATRANS, tape.emit(xs.get(0)), 0, 0, null, null, n, s0.rows(), s0.columns());
        if (op instanceof Outer) {
            return tape.addArray(AOUTER, tape.emit(xs.get(0)), tape.emit(xs.get(1)), 0, null, null, n, s0.size(), xs.get(1).shape().size());
        }
        if (op instanceof Sum) return tape.addArray(ASUM, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.size());
        if (op instanceof Mean) {
            int sum = tape.addArray(ASUM, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.size());
            return tape.add(MULC, sum, 0, 1.0 / s0.size(), null, null);
        }
        if (op instanceof MaxOf) return tape.addArray(AMAX, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.size());
        if (op instanceof ArgMax) return tape.addArray(AARGMAX, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.size());
        if (op instanceof Index) return tape.addArray(AINDEX, tape.emit(xs.get(0)), tape.emit(xs.get(1)), 0, null, null, 0, s0.size());
        if (op instanceof Block b) return tape.addArray(ABLOCK, tape.emit(xs.get(0)), 0, 0, null, null, n, b.offset(), s0.size());
        if (op instanceof Embed e) return tape.addArray(AEMBED, tape.emit(xs.get(0)), 0, 0, null, null, n, e.offset(), s0.size());
        if (op instanceof Softmax) return tape.addArray(ASOFTMAX, tape.emit(xs.get(0)), 0, 0, null, null, n);
        if (op instanceof LogSumExpOf) return tape.addArray(ALSE, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.size());
        if (op instanceof CrossEntropy) return tape.addArray(AXENT, tape.emit(xs.get(0)), tape.emit(xs.get(1)), 0, null, null, 0, s0.size());
        if (op instanceof OneHot) return tape.addArray(AONEHOT, tape.emit(xs.get(0)), 0, 0, null, null, n);
        if (op instanceof Stack) return tape.addArray(ASTACK, 0, 0, 0, emitAll(xs), null, n);
        if (op instanceof Trace) return tape.addArray(ATRACE, tape.emit(xs.get(0)), 0, 0, null, null, 0, s0.rows());
        if (op instanceof QuadFormOf) return tape.addArray(AQUAD, tape.emit(xs.get(0)), tape.emit(xs.get(1)), 0, null, null, 0, s0.size());
        if (op instanceof VectorAtomOp v) {
            if (v.atom() instanceof Dot) return tape.addArray(ADOT, tape.emit(xs.get(0)), tape.emit(xs.get(1)), 0, null, null, 0, s0.size());
            int id = tape.addArray(AVFUN, 0, 0, 0, emitAll(xs), null, 0, s0.size());
            tape.setVectorAtom(id, v.atom());
            return id;
        }
        throw new IllegalArgumentException("no instruction for the array operation " + op.name());
    }

    private int[] emitAll(List<Expr> xs) {
        List<Integer> ids = new ArrayList<>();
        for (Expr x : xs) ids.add(tape.emit(x));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
