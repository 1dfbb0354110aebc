package org.gaplab.training;

/**
 * Inputs of one kind, and how many of them the model cut: an input is cut when no path of non-zero weights leads
 * from it through live units to an output, so nothing it holds reaches the prediction. Inputs that are never non-zero in the training set get no
 * data gradient at all (only the penalty moves their weights), so they are counted apart from those that occur.
 *
 * @param kind       "informative", "noise", "cell", "pixel" or "feature"
 * @param inTraining whether these inputs are non-zero in at least one training example
 * @param count      how many inputs of this kind and occurrence there are
 * @param cut        how many of them the model cut
 */
public record InputGroup(String kind, boolean inTraining, int count, int cut) { }
