package org.gaplab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaplab.engine.Activation;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The config files the docs point to are ones the trainer accepts, and say what the docs say they are. */
class ConfigFilesTest {

    @Test
    void the_full_fashion_mnist_config_is_the_recipe_the_readme_times() throws IOException {
        TrainingConfig config = ModelExport.readConfig(Files.readString(Path.of("docs/configs/fashion-full.json")));
        assertEquals("fashion-mnist", config.data().dataset());
        assertEquals("full", config.data().fashionSource());
        assertEquals(List.of(55_000, 5_000, 10_000),
                List.of(config.data().trainSize(), config.data().validationSize(), config.data().testSize()));
        assertEquals(List.of(256, 128), config.hiddenLayers());
        assertEquals(Activation.RELU, config.activation());
        assertEquals(OptimizerKind.ADAM, config.optimizer());
        assertEquals(0.001, config.learningRate());
        assertEquals(64, config.batchSize());
        assertEquals(12, config.epochs());
        // Patience as long as the run: all 12 epochs train, and the best validation epoch's weights are the model.
        assertTrue(config.earlyStopping().enabled() && config.earlyStopping().restoreBestWeights());
        assertTrue(config.earlyStopping().patience() >= config.epochs());
    }
}
