package org.gaplab.data;

/** What a dataset asks the network to predict; it decides the output layer and the loss. */
public enum Task {
    /** Two classes, one sigmoid output unit, binary cross-entropy. */
    BINARY,
    /** K classes, K softmax output units, cross-entropy. */
    MULTICLASS,
    /** One real value, one linear output unit, squared error. */
    REGRESSION
}
