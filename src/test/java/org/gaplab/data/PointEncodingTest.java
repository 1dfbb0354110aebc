package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointEncodingTest {
    /** Every non-empty subset of the seven features, in the enum's order. */
    private static List<PointEncoding> everyEncoding() {
        PointFeature[] all = PointFeature.values();
        List<PointEncoding> encodings = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            List<PointFeature> chosen = new ArrayList<>();
            for (int i = 0; i < all.length; i++) if ((mask & 1 << i) != 0) chosen.add(all[i]);
            encodings.add(new PointEncoding(chosen));
        }
        return encodings;
    }

    @Test
    void features_are_the_playground_ones_with_config_names_and_labels() {
        assertEquals(DataSpec.INPUT_FEATURES.choices(),
                java.util.Arrays.stream(PointFeature.values()).map(PointFeature::configName).toList());
        assertEquals("x1²", PointFeature.X1_SQUARED.label());
        assertEquals(Math.sin(2.0), PointFeature.SIN_X2.value(1.0, 2.0));
        assertEquals(-6.0, PointFeature.X1X2.value(2.0, -3.0));
    }

    @Test
    void every_feature_list_reads_back_a_point_that_reproduces_the_row() {
        double[] row = new double[7];
        double[] point = new double[2];
        double[] again = new double[7];
        for (PointEncoding encoding : everyEncoding()) {
            for (double x1 = -6.7; x1 <= 6.7; x1 += 0.61) {
                for (double x2 = -6.7; x2 <= 6.7; x2 += 0.73) {
                    encoding.encode(x1, x2, row, 0);
                    encoding.recoverPoint(row, 0, point);
                    encoding.encode(point[0], point[1], again, 0);
                    for (int i = 0; i < encoding.size(); i++) {
                        assertEquals(row[i], again[i], 1e-9, encoding + " at (" + x1 + ", " + x2 + ")");
                    }
                }
            }
        }
    }

    @Test
    void raw_coordinates_and_a_square_with_its_sine_give_the_point_itself() {
        double[] point = new double[2];
        double[] row = new double[3];
        PointEncoding encoding = PointEncoding.ofNames(List.of("x1Squared", "sinX1", "x2"));
        encoding.encode(-2.5, 4.0, row, 0);
        encoding.recoverPoint(row, 0, point);
        assertEquals(-2.5, point[0], 1e-12);
        assertEquals(4.0, point[1], 1e-12);
    }

    @Test
    void unknown_or_repeated_features_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> PointEncoding.ofNames(List.of("x3")));
        assertThrows(IllegalArgumentException.class, () -> PointEncoding.ofNames(List.of("x1", "x1")));
        assertThrows(IllegalArgumentException.class, () -> PointEncoding.ofNames(List.of()));
    }
}
