package org.gaplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 004's housing example made concrete. Houses cluster in a few cities on a map; latitude is bucketed into
 * {@code crossRows} bands and longitude into {@code crossColumns} bands, and the two are crossed into one one-hot
 * input per cell (800 cells by default, up to 20,000), stored sparsely: one non-zero per row.
 *
 * <p>A house is "expensive" when it stands in the core of one of a few expensive cities, otherwise "cheap". So the
 * label depends on a few regions, and most cells are empty (no house ever stands there: the "ocean") or say nothing
 * the bias does not already say (cheap). A network needs non-zero first-layer weights only for the populated cells,
 * and few of those matter; this is where L1 can zero most weights while accuracy holds.
 *
 * <p>The map spans latitude [0, 1) and longitude [0, 2): at the default 20 × 40 grid its cells are square. Noise moves
 * a house by a Gaussian step of σ = noise · 0.05 before bucketing (half a default cell at the maximum) and flips its
 * label with probability noise / 5.
 */
final class FeatureCross {
    static final String NAME = "feature-cross";
    /** Each input is one crossed cell, named {@code lat3×lon17}. */
    static final String CELL_PREFIX = "lat";

    static final double LATITUDE_SPAN = 1;
    static final double LONGITUDE_SPAN = 2;
    static final int CITIES = 8;
    static final int EXPENSIVE_CITIES = 4;
    /** An expensive city's core: within 1.5 σ of its centre (about two thirds of its houses). */
    static final double CORE_RADIUS = 1.5;
    static final double MOVE_PER_NOISE = 0.05;

    /** A city: centre, spread σ (same on both axes), share of the houses, whether its core is expensive. */
    record City(double latitude, double longitude, double spread, double weight, boolean expensive) {
        boolean inCore(double lat, double lon) {
            double dLat = (lat - latitude) / spread;
            double dLon = (lon - longitude) / spread;
            return dLat * dLat + dLon * dLon <= CORE_RADIUS * CORE_RADIUS;   // ‖(p − c) / σ‖ ≤ 1.5
        }
    }

    private FeatureCross() {}

    static DataSplits generate(DataSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        List<City> cities = cities(root.split());
        int rows = spec.crossRows();
        int columns = spec.crossColumns();
        Examples train = examples(cities, rows, columns, spec.trainSize(), spec.noise(),
                spec.sampleStream(root.split()));
        Examples validation = examples(cities, rows, columns, spec.validationSize(), spec.noise(), root.split());
        Examples test = examples(cities, rows, columns, spec.testSize(), spec.noise(), root.split());
        return new DataSplits(NAME, Task.BINARY, 2, train, validation, test, ImageShape.NONE,
                cellNames(rows, columns), List.of("cheap", "expensive"));
    }

    /** The seeded map: where the cities are, how big, how populous, which are expensive. */
    static List<City> cities(SplittableRandom world) {
        List<City> cities = new ArrayList<>();
        for (int i = 0; i < CITIES; i++) {
            double spread = world.nextDouble(0.03, 0.06);
            cities.add(new City(world.nextDouble(0.15, LATITUDE_SPAN - 0.15),
                    world.nextDouble(0.15, LONGITUDE_SPAN - 0.15), spread, world.nextDouble(0.5, 1.5),
                    i < EXPENSIVE_CITIES));
        }
        return cities;
    }

    /** The cell of a point: row = ⌊lat · rows⌋, column = ⌊lon / 2 · columns⌋, index = row · columns + column. */
    static int cell(double latitude, double longitude, int rows, int columns) {
        int row = Math.min(rows - 1, (int) (latitude / LATITUDE_SPAN * rows));
        int column = Math.min(columns - 1, (int) (longitude / LONGITUDE_SPAN * columns));
        return row * columns + column;
    }

    private static Examples examples(List<City> cities, int rows, int columns, int size, double noise,
                                     SplittableRandom rng) {
        double totalWeight = cities.stream().mapToDouble(City::weight).sum();
        int[] rowStart = new int[size + 1];
        int[] cells = new int[size];
        double[] ones = new double[size];
        int[] labels = new int[size];
        double move = MOVE_PER_NOISE * noise;
        for (int i = 0; i < size; i++) {
            City city = pick(cities, totalWeight, rng);
            double lat;
            double lon;
            do {
                lat = city.latitude() + city.spread() * rng.nextGaussian();
                lon = city.longitude() + city.spread() * rng.nextGaussian();
            } while (!onMap(lat, lon));
            int label = expensive(cities, lat, lon) ? 1 : 0;
            double movedLat;
            double movedLon;
            do {
                movedLat = lat + move * rng.nextGaussian();
                movedLon = lon + move * rng.nextGaussian();
            } while (!onMap(movedLat, movedLon));
            labels[i] = rng.nextDouble() < PointSets.FLIP_PER_NOISE * noise ? 1 - label : label;
            cells[i] = cell(movedLat, movedLon, rows, columns);
            ones[i] = 1;
            rowStart[i + 1] = i + 1;
        }
        return Examples.sparse(rows * columns, rowStart, cells, ones, labels);
    }

    static boolean expensive(List<City> cities, double lat, double lon) {
        for (City city : cities) {
            if (city.expensive() && city.inCore(lat, lon)) return true;
        }
        return false;
    }

    private static City pick(List<City> cities, double totalWeight, SplittableRandom rng) {
        double u = rng.nextDouble(totalWeight);
        for (City city : cities) {
            u -= city.weight();
            if (u < 0) return city;
        }
        return cities.get(cities.size() - 1);
    }

    private static boolean onMap(double lat, double lon) {
        return lat >= 0 && lat < LATITUDE_SPAN && lon >= 0 && lon < LONGITUDE_SPAN;
    }

    private static List<String> cellNames(int rows, int columns) {
        List<String> names = new ArrayList<>(rows * columns);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                names.add(CELL_PREFIX + r + "×lon" + c);
            }
        }
        return names;
    }
}
