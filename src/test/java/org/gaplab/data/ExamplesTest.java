package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dense inputs are stored as narrowly as they can be without changing a value, and widened back exactly. */
class ExamplesTest {

    @Test
    void eight_bit_pixels_take_one_byte_each_and_widen_to_the_same_doubles() {
        double[] pixels = new double[3 * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (i * 37 % 256) / 255.0;
        Examples images = Examples.dense(4, pixels, new int[] {0, 1, 2});
        assertEquals(1, images.bytesPerValue());
        assertArrayEquals(pixels, images.denseInputs(), 0.0);
        assertEquals(12 + 3 * 4, images.storedBytes(), "12 one-byte pixels and 3 int labels");
    }

    @Test
    void exact_floats_take_four_bytes_and_other_values_keep_all_eight() {
        double[] floats = {0.5, -1.25, 3.0f / 7.0f, 1e6};
        Examples narrow = Examples.dense(2, floats, new int[] {0, 1});
        assertEquals(4, narrow.bytesPerValue());
        assertArrayEquals(floats, narrow.denseInputs(), 0.0);

        double[] precise = {0.1, Math.PI, -2.0 / 3.0, 1e-300};
        Examples wide = Examples.denseRegression(2, precise, new double[] {1.5, 2.5});
        assertEquals(8, wide.bytesPerValue());
        assertArrayEquals(precise, wide.denseInputs(), 0.0);
    }

    @Test
    void a_selection_keeps_the_narrow_storage_and_the_caller_keeps_its_array() {
        double[] pixels = {0, 1, 2 / 255.0, 254 / 255.0, 128 / 255.0, 1};
        Examples images = Examples.dense(2, pixels, new int[] {0, 1, 2});
        pixels[0] = 0.75;                                        // the examples made their own copy
        Examples picked = images.select(new int[] {2, 0});
        assertEquals(1, picked.bytesPerValue());
        assertArrayEquals(new double[] {128 / 255.0, 1, 0, 1}, picked.denseInputs(), 0.0);
        assertArrayEquals(new int[] {2, 0}, picked.labels());
    }
}
