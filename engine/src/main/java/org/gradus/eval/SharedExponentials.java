package org.gradus.eval;

import org.gradus.atoms.SharedExponential;
import org.objectweb.asm.Type;

import static org.gradus.eval.Opcode.MULC;
import static org.gradus.eval.Opcode.UNARY;
import static org.objectweb.asm.Opcodes.*;

/**
 * Which unary instructions of a body compute the same e^(−|x|) ({@link SharedExponential}: softplus, sigmoid
 * of z or of −z), so that the compiled body computes it once, and each atom's part that depends on e alone
 * once for all its uses. In the logistic loss y·softplus(−z) + (1 − y)·softplus(z), with the slopes σ(−z) and
 * σ(z) of the reverse sweep, that is one {@code exp} and one {@code log} a row instead of four and two — the
 * same numbers the interpreter computes through {@code apply(x)}, for e^(−|−z|) is e^(−|z|) bit for bit.
 *
 * <p>The forward sweep is straight-line code: the first instruction of a group stores e (and its shared
 * part) in a local, which the later ones and the reverse sweep read.
 */
final class SharedExponentials {
    private static final String ATOM = Type.getInternalName(SharedExponential.class);

    /** Per instruction: the instruction whose value's |·| it takes (its operand, or the operand of a negation), or -1. */
    private final int[] base;
    /** Per instruction of a group: the first instruction with the same base (it computes e). */
    private final int[] expOwner;
    /** Per instruction of a group: the first with the same base and the same atom (it computes the shared part). */
    private final int[] sharedOwner;

    /**
     * @param isInt     per instruction, whether it is computed in {@code int} (a negation there is not exact)
     * @param atomType  per UNARY instruction, the class its atom is called through
     */
    SharedExponentials(Tape t, boolean[] isInt, String[] atomType) {
        int n = t.size;
        base = new int[n];
        expOwner = new int[n];
        sharedOwner = new int[n];
        for (int j = 0; j < n; j++) {
            base[j] = expOwner[j] = sharedOwner[j] = -1;
            if (t.op[j] != UNARY || !(t.atom[j] instanceof SharedExponential)) continue;
            if (!atomType[j].equals(Type.getInternalName(t.atom[j].getClass()))) continue; // called through its own class
            int arg = t.a[j];
            boolean negation = t.op[arg] == MULC && t.k[arg] == -1 && !isInt[arg]; // −c, computed exactly
            base[j] = negation ? t.a[arg] : arg;
            expOwner[j] = sharedOwner[j] = j;
            for (int m = 0; m < j; m++) {
                if (base[m] != base[j]) continue;
                if (expOwner[j] == j) expOwner[j] = m;
                if (t.atom[m].equals(t.atom[j])) {
                    sharedOwner[j] = m;
                    break;
                }
            }
        }
    }

    /** Whether instruction j is computed from a shared e^(−|x|). */
    boolean covers(int j) {
        return base[j] >= 0;
    }

    /** How many e^(−|x|) a row computes (one per group). */
    int exponentials() {
        int n = 0;
        for (int j = 0; j < base.length; j++) if (expOwner[j] == j) n++;
        return n;
    }

    /** How many instructions take their e from a group. */
    int covered() {
        int n = 0;
        for (int b : base) if (b >= 0) n++;
        return n;
    }

    /** Assigns the locals of e and of the shared parts from {@code next} on; returns the next free local. */
    int allocate(BodyCode em, int next) {
        em.expL = new int[base.length];
        em.sharedL = new int[base.length];
        for (int j = 0; j < base.length; j++) {
            em.expL[j] = em.sharedL[j] = -1;
            if (expOwner[j] == j) {
                em.expL[j] = next;
                next += 2;
            }
            if (sharedOwner[j] == j) {
                em.sharedL[j] = next;
                next += 2;
            }
        }
        return next;
    }

    /** Forward: computes e and the shared part where j is the first of its group, then leaves f(x) on the stack. */
    void apply(BodyCode em, int j) {
        int e = em.expL[expOwner[j]];
        if (expOwner[j] == j) {
            em.loadD(base[j]);
            em.mv.visitMethodInsn(INVOKESTATIC, ATOM, "expOfMinusAbs", "(D)D", true);
            em.mv.visitVarInsn(DSTORE, e);
        }
        String type = em.kc.atomType[j];
        int atom = em.refL[em.kc.atomRef[j]];
        if (sharedOwner[j] == j) {
            em.mv.visitVarInsn(ALOAD, atom);
            em.mv.visitVarInsn(DLOAD, e);
            em.mv.visitMethodInsn(INVOKEVIRTUAL, type, "shared", "(D)D", false);
            em.mv.visitVarInsn(DSTORE, em.sharedL[j]);
        }
        em.mv.visitVarInsn(ALOAD, atom);
        em.loadD(em.a[j]);
        em.mv.visitVarInsn(DLOAD, e);
        em.mv.visitVarInsn(DLOAD, em.sharedL[sharedOwner[j]]);
        em.mv.visitMethodInsn(INVOKEVIRTUAL, type, "apply", "(DDD)D", false);
    }

    /** Reverse: leaves f′(x) on the stack, from the e the forward sweep stored. */
    void slope(BodyCode em, int j) {
        em.mv.visitVarInsn(ALOAD, em.refL[em.kc.atomRef[j]]);
        em.loadD(em.a[j]);
        em.loadD(j);
        em.mv.visitVarInsn(DLOAD, em.expL[expOwner[j]]);
        em.mv.visitMethodInsn(INVOKEVIRTUAL, em.kc.atomType[j], "slope", "(DDD)D", false);
    }
}
