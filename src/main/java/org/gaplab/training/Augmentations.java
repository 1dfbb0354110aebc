package org.gaplab.training;

import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSplits;

/** Builds the batch transform that augments a dataset's training batches. */
final class Augmentations {
    private Augmentations() { }

    static BatchTransform forData(AugmentationSpec spec, DataSplits data) {
        if (spec.isNone()) return BatchTransform.NONE;
        throw new UnsupportedOperationException("augmentation arrives with the data package");
    }
}
