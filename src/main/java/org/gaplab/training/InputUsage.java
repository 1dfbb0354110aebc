package org.gaplab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;

/**
 * Which inputs the first layer still listens to, grouped by the data's input kinds and by whether the input occurs in
 * training. The grouping is fixed for a run, so it is worked out once; each report only checks rows of W₀.
 */
final class InputUsage {
    /** A group: one kind of input that occurs in training, or does not. */
    private record Group(String kind, boolean inTraining) { }

    private final List<Group> groups = new ArrayList<>();   // in order of first appearance
    private final int[] groupOf;                            // per input column: index into the groups

    InputUsage(DataSplits data) {
        boolean[] seen = occurring(data.train());
        this.groupOf = new int[data.inputSize()];
        Map<Group, Integer> index = new LinkedHashMap<>();
        for (int column = 0; column < groupOf.length; column++) {
            Group group = new Group(data.inputKind(column), seen[column]);
            groupOf[column] = index.computeIfAbsent(group, g -> {
                groups.add(g);
                return groups.size() - 1;
            });
        }
    }

    /** The groups with their counts of inputs the network no longer listens to. */
    List<InputGroup> count(ModelStats.Connectivity connectivity) {
        int[] count = new int[groups.size()];
        int[] cut = new int[groups.size()];
        for (int column = 0; column < groupOf.length; column++) {
            count[groupOf[column]]++;
            if (!connectivity.inputKept()[column]) cut[groupOf[column]]++;
        }
        List<InputGroup> counted = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            counted.add(new InputGroup(groups.get(g).kind(), groups.get(g).inTraining(), count[g], cut[g]));
        }
        return counted;
    }

    /** Whether each input column is non-zero in at least one training example. */
    private static boolean[] occurring(Examples train) {
        boolean[] seen = new boolean[train.inputSize()];
        if (train.isSparse()) {
            int[] columns = train.columnIndex();
            double[] values = train.sparseValues();
            for (int e = 0; e < columns.length; e++) if (values[e] != 0) seen[columns[e]] = true;
            return seen;
        }
        double[] row = new double[train.inputSize()];
        for (int r = 0; r < train.size(); r++) {
            train.copyRow(r, row, 0);
            for (int c = 0; c < row.length; c++) if (row[c] != 0) seen[c] = true;
        }
        return seen;
    }
}
