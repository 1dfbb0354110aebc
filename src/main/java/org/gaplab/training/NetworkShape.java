package org.gaplab.training;

import org.gaplab.data.DataSplits;
import org.gaplab.engine.Network;
import org.gaplab.engine.Output;
import org.gaplab.settings.InvalidSettingException;

/**
 * The network a config describes on its data: the data's inputs, the config's hidden widths and the output the task
 * calls for. One place counts its parameters, for the trainer that builds it and the server that admits it.
 */
public final class NetworkShape {
    private NetworkShape() { }

    /** Builds the network a config describes for this data, refusing ones beyond {@link TrainingConfig#MAX_PARAMETERS}. */
    static Network build(TrainingConfig config, DataSplits data) {
        Output output = output(data);
        int[] sizes = layerSizes(config, data, output);
        long parameters = Network.parameterCount(sizes);
        if (parameters > TrainingConfig.MAX_PARAMETERS) {
            throw new InvalidSettingException(TrainingConfig.HIDDEN_LAYERS.name(), config.hiddenLayers(),
                    "layers giving at most " + TrainingConfig.MAX_PARAMETERS + " parameters with this dataset's "
                            + data.inputSize() + " inputs (this network has " + parameters + ")");
        }
        return new Network(sizes, config.activation(), output);
    }

    /** Weights and biases of the network a config builds on this data, without building it. */
    public static long parameterCount(TrainingConfig config, DataSplits data) {
        return Network.parameterCount(layerSizes(config, data, output(data)));
    }

    /** The output layer and loss the data's task calls for. */
    private static Output output(DataSplits data) {
        return switch (data.task()) {
            case BINARY -> Output.SIGMOID_BINARY_CROSS_ENTROPY;
            case MULTICLASS -> Output.SOFTMAX_CROSS_ENTROPY;
            case REGRESSION -> Output.LINEAR_SQUARED_ERROR;
        };
    }

    /** Units of each layer, inputs first: the data's inputs, the config's hidden widths, the output's units. */
    private static int[] layerSizes(TrainingConfig config, DataSplits data, Output output) {
        int[] hidden = config.hiddenWidths();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = data.inputSize();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = output.units(data.classes());
        return sizes;
    }
}
