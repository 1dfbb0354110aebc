package org.gaplab.training;

import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.Augmenter;
import org.gaplab.data.DataSplits;

/** Builds the batch transform that augments a dataset's training batches. */
final class Augmentations {
    private Augmentations() { }

    static BatchTransform forData(AugmentationSpec spec, DataSplits data) {
        Augmenter augmenter = new Augmenter(spec, data);
        return augmenter.isIdentity() ? BatchTransform.NONE : augmenter::augment;
    }
}
