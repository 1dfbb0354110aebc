package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The update rules, one weight at a time, against their formulas (in float64, and rounded in float32). */
class OptimizerTest {

    /** A 1-input, 1-output linear network with a controllable weight and a fake gradient. */
    private static final class OneWeight {
        final Network network = new Network(new int[] {1, 1}, Activation.LINEAR, Output.LINEAR_SQUARED_ERROR);
        final Backprop pass;
        final InputBatch batch = InputBatch.dense(1, 1);

        OneWeight() {
            this(Precision.F64);
        }

        OneWeight(Precision precision) {
            pass = new Backprop(network, 1, new JavaProducts(1, precision));
        }

        /** Sets w and produces a data gradient g = x·(w·x − t) from one example. */
        double step(Optimizer optimizer, double w, double x, double target, double alpha, Regularization penalty) {
            network.layer(0).weights()[0] = w;
            network.layer(0).biases()[0] = 0;
            batch.denseValues()[0] = x;
            batch.setRows(1);
            pass.forward(batch, new SplittableRandom(0));
            pass.backward(batch, null, new double[] {target});
            optimizer.step(network, pass, alpha, 0.9, penalty);    // μ = 0.9, read only by the momentum rule
            return network.layer(0).weights()[0];
        }
    }

    @Test
    void l1_clip_is_exactly_the_soft_threshold_and_keeps_a_diverged_weight_visible() {
        OneWeight one = new OneWeight();
        Regularization l1 = Regularization.penalty(0.5, 0, L1Mode.CLIP, false);
        Optimizer sgd = new Optimizer(OptimizerKind.SGD, one.network);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 1000; i++) {
            double w = random.nextGaussian() * 0.1;
            double expected = Math.copySign(Math.max(Math.abs(w) - 0.05, 0.0), w) + 0.0;   // sign(w)·max(|w| − αλ₁, 0)
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(one.step(sgd, w, 0, 0, 0.1, l1)));
        }
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(one.step(sgd, -0.0, 0, 0, 0.1, l1)), "no −0");
        assertTrue(Double.isNaN(one.step(sgd, Double.NaN, 0, 0, 0.1, l1)), "a NaN weight stays NaN, so divergence shows");
    }

    @Test
    void in_float32_each_step_is_the_formula_on_float_inputs_rounded_to_float_and_l1_clip_still_lands_on_zero() {
        OneWeight one = new OneWeight(Precision.F32);
        float w = 0.8f, x = 1.5f, t = 0.3f, alpha = 0.1f, lambda = 0.2f;
        float g = x * (w * x - t);                                    // backprop's float ops: z = wx, δ = z − t, g = xδ
        double next = one.step(new Optimizer(OptimizerKind.SGD, one.network), w, x, t, alpha,
                Regularization.penalty(0, lambda, L1Mode.CLIP, false));
        assertEquals((float) (w - (double) alpha * (g + (double) lambda * w)), next, 0.0);   // w ← w − α(g + λ₂w), rounded
        assertEquals((float) next, next, 0.0, "the stored weight is a float");
        Regularization l1 = Regularization.penalty(0.5, 0, L1Mode.CLIP, false);
        Optimizer sgd = new Optimizer(OptimizerKind.SGD, one.network);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            float small = (float) (random.nextGaussian() * 0.01);  // |w| below αλ₁ = 0.05 (by far, on these draws)
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(one.step(sgd, small, 0, 0, 0.1, l1)));
        }
    }

    /** Without a penalty SGD and momentum round as they store (one pass): still each value rounded once, at the end. */
    @Test
    void in_float32_without_a_penalty_sgd_and_momentum_store_the_formula_rounded_once() {
        OneWeight one = new OneWeight(Precision.F32);
        float w = 0.8f, x = 1.5f, t = 0.3f, alpha = 0.1f;
        float g = x * (w * x - t);
        double sgd = one.step(new Optimizer(OptimizerKind.SGD, one.network), w, x, t, alpha, Regularization.NONE);
        assertEquals((float) (w - (double) alpha * g), sgd, 0.0);                      // w ← w − αg, rounded
        Optimizer momentum = new Optimizer(OptimizerKind.MOMENTUM, one.network);
        double first = one.step(momentum, w, x, t, alpha, Regularization.NONE);
        double velocity = 0.9 * 0 - (double) alpha * g;                                  // v ← μv − αg, from v = 0
        assertEquals((float) (w + velocity), first, 0.0, "w ← w + v with v unrounded, then rounded");
        float w2 = 0.25f;
        float g2 = x * (w2 * x - t);
        double second = one.step(momentum, w2, x, t, alpha, Regularization.NONE);
        double velocity2 = 0.9 * (float) velocity - (double) alpha * g2;                 // the stored v was rounded
        assertEquals((float) (w2 + velocity2), second, 0.0);
    }

    @Test
    void sgd_with_l2_is_multiplicative_weight_decay() {
        OneWeight one = new OneWeight();
        double w = 0.8, x = 1.5, t = 0.3, alpha = 0.1, lambda = 0.2;
        double g = x * (w * x - t);                                   // ∂(½(wx − t)²)/∂w
        double next = one.step(new Optimizer(OptimizerKind.SGD, one.network), w, x, t, alpha,
                Regularization.penalty(0, lambda, L1Mode.CLIP, false));
        assertEquals((1 - alpha * lambda) * w - alpha * g, next, 1e-15); // w ← (1 − αλ)w − α∂J/∂w
    }

    @Test
    void l1_clip_lands_small_weights_on_exactly_zero_and_lets_a_strong_gradient_revive_them() {
        OneWeight one = new OneWeight();
        Regularization l1 = Regularization.penalty(0.5, 0, L1Mode.CLIP, false);
        Optimizer sgd = new Optimizer(OptimizerKind.SGD, one.network);
        // No data gradient (x = 0): a weight within αλ of zero lands on exactly 0, a larger one shrinks by αλ.
        assertEquals(0.0, one.step(sgd, 0.04, 0, 0, 0.1, l1), 0.0);
        assertEquals(0.0, one.step(sgd, -0.04, 0, 0, 0.1, l1), 0.0);
        assertEquals(0.3 - 0.05, one.step(sgd, 0.3, 0, 0, 0.1, l1), 1e-15);
        // From 0, a data step larger than αλ moves the weight off zero: zeroed weights can revive.
        double revived = one.step(sgd, 0.0, 1, 5, 0.1, l1);
        assertEquals(0.1 * 5 - 0.05, revived, 1e-15);
    }

    @Test
    void l1_subgradient_makes_a_useless_weight_oscillate_near_zero_but_rarely_hit_it() {
        OneWeight one = new OneWeight();
        Regularization l1 = Regularization.penalty(0.5, 0, L1Mode.SUBGRADIENT, false);
        Optimizer sgd = new Optimizer(OptimizerKind.SGD, one.network);
        double alpha = 0.1;
        double w = 0.123;
        int exactZeros = 0;
        for (int step = 0; step < 200; step++) {
            w = one.step(sgd, w, 0, 0, alpha, l1);                    // w ← w − αλ·sign(w)
            if (w == 0) exactZeros++;
            if (step > 10) assertTrue(Math.abs(w) <= alpha * 0.5 + 1e-12, "stays in the ±αλ band, got " + w);
        }
        assertEquals(0, exactZeros, "the subgradient steps over zero instead of stopping on it");
    }

    @Test
    void adam_and_adamw_differ_because_adamw_decays_outside_the_adaptive_step() {
        OneWeight adamL2 = new OneWeight();
        OneWeight adamW = new OneWeight();
        Regularization l2 = Regularization.penalty(0, 0.1, L1Mode.CLIP, false);
        double a = adamL2.step(new Optimizer(OptimizerKind.ADAM, adamL2.network), 2.0, 1, 1.9, 0.01, l2);
        double b = adamW.step(new Optimizer(OptimizerKind.ADAMW, adamW.network), 2.0, 1, 1.9, 0.01, l2);
        // AdamW: w − α·m̂/(√v̂ + ε) − αλw, with the first step's m̂/(√v̂ + ε) = sign(g) = 1.
        assertEquals(2.0 - 0.01 * 1 - 0.01 * 0.1 * 2.0, b, 1e-9);
        // Adam with L2 in the gradient: the first step is α·sign(g + λw) = α, whatever λ is.
        assertEquals(2.0 - 0.01, a, 1e-9);
        assertNotEquals(a, b);
    }

    @Test
    void adam_is_its_formula_bit_for_bit_also_past_step_356_where_its_first_bias_correction_is_exactly_one() {
        OneWeight one = new OneWeight();
        Optimizer adam = new Optimizer(OptimizerKind.ADAM, one.network);
        SplittableRandom random = new SplittableRandom(5);
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 400; t++) {
            double w = random.nextGaussian();
            double x = random.nextGaussian();
            double target = random.nextGaussian();
            double g = x * (w * x - target);
            m = 0.9 * m + (1 - 0.9) * g;
            v = 0.999 * v + (1 - 0.999) * g * g;
            double step = (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
            assertEquals(Double.doubleToRawLongBits(w - 0.01 * step - 0.0 * w),
                    Double.doubleToRawLongBits(one.step(adam, w, x, target, 0.01, Regularization.NONE)), "step " + t);
        }
        assertEquals(1.0, 1 - Math.pow(0.9, 356), 0.0, "from here on m̂ = m");
        assertNotEquals(1.0, 1 - Math.pow(0.9, 355));
    }

    @Test
    void in_float32_a_moment_whose_gradient_stays_zero_underflows_as_float32s_does_never_into_double_subnormals() {
        for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.ADAM, OptimizerKind.MOMENTUM}) {
            OneWeight one = new OneWeight(Precision.F32);
            Optimizer optimizer = new Optimizer(kind, one.network);
            double w = one.step(optimizer, 1.0, 1, 0, 0.01, Regularization.NONE);     // g = x(wx − t) = 1
            assertTrue(optimizer.firstMoment(0)[0] != 0, kind + ": the first step moves the moment");
            double[] history = new double[1_200];
            for (int t = 0; t < history.length; t++) {
                w = one.step(optimizer, w, 0, 0, 0.01, Regularization.NONE);           // x = 0: g = 0 from here on
                double moment = optimizer.firstMoment(0)[0];
                assertEquals((double) (float) moment, moment, 0.0, kind + ": a float32 value at step " + t);
                assertTrue(moment == 0 || Math.abs(moment) >= Float.MIN_VALUE, kind + ": " + moment + " at step " + t);
                history[t] = moment;
            }
            // ×0.9 a step from 0.1 (Adam's m) or 0.01 (the velocity): below float's smallest normal within about 860
            // steps, then on floats' subnormal grid, where 0.9·4·2⁻¹⁴⁹ rounds back to 4·2⁻¹⁴⁹, as in float32 arithmetic.
            double last = history[history.length - 1];
            assertTrue(Math.abs(last) < Float.MIN_NORMAL, kind + ": " + last);
            assertEquals(last, history[history.length - 100], 0.0, kind + ": a fixed point of float32's ×0.9");
            assertEquals((double) (float) (0.9f * (float) last), last, 0.0);
        }
        OneWeight reference = new OneWeight(Precision.F64);
        Optimizer adam = new Optimizer(OptimizerKind.ADAM, reference.network);
        double w = reference.step(adam, 1.0, 1, 0, 0.01, Regularization.NONE);
        for (int t = 0; t < 1_100; t++) w = reference.step(adam, w, 0, 0, 0.01, Regularization.NONE);
        assertEquals(0.1 * Math.pow(0.9, 1_100), adam.firstMoment(0)[0], 1e-60, "float64 keeps the decaying moment");
    }

    @Test
    void momentum_accumulates_velocity() {
        OneWeight one = new OneWeight();
        Optimizer momentum = new Optimizer(OptimizerKind.MOMENTUM, one.network);
        double w1 = one.step(momentum, 1.0, 1, 0, 0.1, Regularization.NONE);   // v = −0.1·1, w = 0.9
        assertEquals(0.9, w1, 1e-15);
        double w2 = one.step(momentum, w1, 1, 0, 0.1, Regularization.NONE);    // v = 0.9·(−0.1) − 0.1·0.9
        assertEquals(0.9 - 0.09 - 0.09, w2, 1e-15);
    }
}
