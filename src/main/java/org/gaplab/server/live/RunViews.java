package org.gaplab.server.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaplab.training.Trainer;
import org.gaplab.training.Views;

/**
 * The pictures one run's frames carry (docs/PROTOCOL.md, "views"). They cost a forward pass over a grid, so they are
 * drawn at most once per frame interval, and only what changed is included: a view that is absent is unchanged.
 */
final class RunViews {
    /** Units whose first-layer weights are drawn as pictures. */
    static final int WEIGHT_IMAGES = 16;
    /** Points of each split drawn under the decision boundary. */
    static final int POINTS = 500;
    /** Augmented copies of one example shown beside the training set. */
    static final int AUGMENTED_SAMPLES = 8;
    private static final long AUGMENTED_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The hidden units' pictures are the largest view of a 2-D run; four a second show them learn. */
    private static final long NEURONS_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** The network diagram's weights, every layer cut to its first {@link Views#NEURON_UNITS} inputs and units. */
    record Network(List<Views.NetworkLayer> layers) { }

    private final Trainer trainer;
    private final Views views;
    private final long frameIntervalNanos;
    private long drawnAt;
    private long drawNanos;   // how long the last drawing took
    private long augmentedAt;
    private long neuronsAt;
    private Views.Misclassified misclassifiedSent;   // the strip last drawn: sent again only when it changes

    RunViews(Trainer trainer, long frameIntervalNanos) {
        this.trainer = trainer;
        this.views = new Views(trainer);
        this.frameIntervalNanos = frameIntervalNanos;
    }

    /**
     * Whether a frame interval has passed since the views were last drawn, and four times as long as the last drawing
     * took: a big network's decision boundary (2,304 forward passes) then costs at most a fifth of its run's time.
     */
    boolean isDue() {
        return System.nanoTime() - drawnAt >= Math.max(frameIntervalNanos, 4 * drawNanos);
    }

    /**
     * The views of the network as it is now: the points and which inputs occur in training only with a new run
     * ({@code newRun}), the hidden units' pictures four times a second, augmented samples at most once a second.
     */
    Map<String, Object> draw(boolean newRun) {
        long now = System.nanoTime();
        drawnAt = now;
        Map<String, Object> drawn = new LinkedHashMap<>();
        drawn.put("epoch", trainer.epoch());
        views.decisionBoundary().ifPresent(boundary -> drawn.put("boundary", boundary));
        if (newRun || now - neuronsAt >= NEURONS_REFRESH_NANOS) {
            neuronsAt = now;
            views.neurons(Views.NEURON_UNITS).ifPresent(neurons -> drawn.put("neurons", neurons));
        }
        views.firstLayerWeights(WEIGHT_IMAGES).ifPresent(weights -> drawn.put("weights", weights));
        drawn.put("network", new Network(views.network(Views.NEURON_UNITS)));
        if (newRun || now - augmentedAt >= AUGMENTED_REFRESH_NANOS) {
            augmentedAt = now;
            views.augmentedSamples(0, AUGMENTED_SAMPLES, trainer.epoch()).ifPresent(samples -> drawn.put("augmented", samples));
        }
        views.misclassified().ifPresent(strip -> {
            if (!newRun && misclassifiedSent != null && sameStrip(strip, misclassifiedSent)) return;
            misclassifiedSent = strip;
            drawn.put("misclassified", strip);
        });
        if (newRun) {
            views.points(POINTS).ifPresent(points -> drawn.put("points", points));
            views.inputs().ifPresent(inputs -> drawn.put("inputs", inputs));
        }
        drawNanos = System.nanoTime() - now;
        return drawn;
    }

    /** The same images with the same predictions: 12 images of 784 pixels are not resent for nothing. */
    private static boolean sameStrip(Views.Misclassified a, Views.Misclassified b) {
        return java.util.Arrays.equals(a.rows(), b.rows()) && java.util.Arrays.equals(a.predicted(), b.predicted());
    }
}
