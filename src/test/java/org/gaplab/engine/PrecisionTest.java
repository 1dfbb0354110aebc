package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The float32 rounding against Java's own cast, and the choice of precision. */
class PrecisionTest {
    @Test
    void rounding_on_the_bits_is_the_float_cast_over_floats_normal_range_ties_included() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double x = random.nextGaussian() * Math.pow(2, random.nextInt(-100, 100));
            assertEquals((double) (float) x, Precision.toFloat(x), 0.0, "x = " + x);
            float a = (float) x;
            float b = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-30, 30)));
            double sum = (double) a + b;                     // often exactly halfway between two floats: a tie
            assertEquals((double) (a + b), Precision.toFloat(sum), 0.0, a + " + " + b);
        }
        double halfway = 1.0 + Math.pow(2, -24);             // 1 and 1 + 2⁻²³ are the floats around it: ties to even
        assertEquals(1.0, Precision.toFloat(halfway), 0.0);
        assertEquals(1.0 + Math.pow(2, -22), Precision.toFloat(1.0 + 3 * Math.pow(2, -24)), 0.0);
        for (double special : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.MAX_VALUE}) {
            assertEquals(Double.doubleToRawLongBits((float) special), Double.doubleToRawLongBits(Precision.toFloat(special)));
        }
        assertEquals(true, Double.isNaN(Precision.toFloat(Double.NaN)));
        assertEquals(0.1, Precision.F64.round(0.1), 0.0);
        assertEquals((float) 0.1, Precision.F32.round(0.1), 0.0);
    }

    @Test
    void veltkamps_split_gives_the_bit_roundings_values_from_double_normals_to_two_to_the_994_ties_included() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[1_000_000];
        for (int i = 0; i < values.length; i++) {
            long bits = random.nextLong();
            if (i % 4 == 0) bits = (bits & ~0x1FFF_FFFFL) | 0x1000_0000L;        // exactly halfway between two floats
            double x = Double.longBitsToDouble(bits);
            values[i] = Double.isNaN(x) || Math.abs(x) >= 0x1p994 || Math.abs(x) < Double.MIN_NORMAL ? 1.5 : x;
        }
        values[0] = 0.0;
        values[1] = -0.0;
        values[2] = Float.MAX_VALUE;
        values[3] = Float.MIN_NORMAL;
        values[4] = 1.0 + 0x1p-24;                                                  // a tie that goes down to even
        values[5] = 1.0 + 3 * 0x1p-24;                                              // one that goes up to even
        double[] split = values.clone();
        Precision.roundToFloat(split, 0, split.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToRawLongBits(Precision.toFloat(values[i])) != Double.doubleToRawLongBits(split[i])) {
                assertEquals(Precision.toFloat(values[i]), split[i], 0.0, "x = " + values[i]);
            }
        }
        double[] nan = {Double.NaN};
        Precision.roundToFloat(nan, 0, 1);
        assertEquals(true, Double.isNaN(nan[0]));
    }

    @Test
    void decaying_state_rounds_exactly_as_the_float_cast_also_through_floats_subnormals_down_to_zero() {
        SplittableRandom random = new SplittableRandom(13);
        double[] values = new double[1_000_000];
        for (int i = 0; i < values.length; i++) {
            double x = random.nextGaussian() * Math.pow(2, random.nextInt(-170, 60));   // floats' subnormals and below
            if (i % 4 == 0) x = ((float) x + Math.ulp((float) x) / 2.0);                 // a tie, also between subnormals
            values[i] = x;
        }
        values[0] = -0.0;
        values[1] = 0x1p-150;                                 // halfway between 0 and float's smallest: ties to 0
        values[2] = -0x1p-149 * 1.5;                          // halfway between its first two: ties to the even one
        values[3] = Double.MIN_VALUE;                         // a double subnormal becomes 0
        double[] rounded = values.clone();
        Precision.roundToFloatDecaying(rounded, 0, rounded.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits((float) values[i]), Double.doubleToRawLongBits(rounded[i]),
                    "x = " + values[i]);
        }
        assertEquals(0.0, Precision.nearestFloatDecaying(0x1p-1060), 0.0, "nothing a float cannot hold survives");
    }

    @Test
    void an_activation_said_to_keep_floats_maps_floats_to_floats_with_derivatives_zero_or_one_and_no_other_does() {
        SplittableRandom random = new SplittableRandom(17);
        for (Activation f : Activation.values()) {
            boolean allFloats = true;
            double[] a = new double[100_000];
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) a[i] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-20, 20)));
            a[0] = -0.0;
            a[1] = Float.MIN_VALUE;
            f.applyKeepingDerivative(a, d, a.length);
            for (int i = 0; i < a.length; i++) {
                allFloats &= (double) (float) a[i] == a[i] && (d[i] == 0 || d[i] == 1);
            }
            assertEquals(f.keepsFloats(), allFloats, f + ": Backprop skips rounding exactly when this holds");
        }
    }

    @Test
    void a_precision_is_chosen_by_name_and_anything_else_is_refused_with_the_allowed_ones() {
        assertEquals(Precision.F32, Precision.choose("f32"));
        assertEquals(Precision.F64, Precision.choose(" F64 "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Precision.choose("f16"));
        assertEquals("precision: \"f16\" is not allowed; allowed: f32, f64", error.getMessage());
        String forced = System.getProperty(Precision.PROPERTY);
        assertEquals(forced == null ? Precision.F32 : Precision.choose(forced), Precision.preferred());
        assertEquals(Precision.preferred(), Precision.choose(null));
    }
}
