package org.gaplab.view;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaplab.engine.Init;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.verdicts.Verdicts;

/** What the page calls each choice (a setting's own label is its descriptor's); the schema's names stay the config keys. */
final class Labels {
    private static final Map<String, String> CHOICES = Map.ofEntries(
            Map.entry("x1", "x₁"), Map.entry("x2", "x₂"), Map.entry("x1Squared", "x₁²"), Map.entry("x2Squared", "x₂²"),
            Map.entry("x1x2", "x₁·x₂"), Map.entry("sinX1", "sin x₁"), Map.entry("sinX2", "sin x₂"),
            Map.entry("noisy-features", "noisy features"), Map.entry("feature-cross", "feature cross (lat × long)"),
            Map.entry("fashion-mnist", "Fashion-MNIST"), Map.entry("shapes", "shapes (images)"),
            Map.entry("subgradient", "subgradient: add λ₁·sign(w)"), Map.entry("clip", "clip at zero (proximal)"),
            Map.entry("sgd", "SGD"), Map.entry("momentum", "SGD + momentum"), Map.entry("adam", "Adam (L2 in gradient)"),
            Map.entry("adamw", "AdamW (decoupled decay)"), Map.entry("relu", "ReLU"), Map.entry("leaky-relu", "leaky ReLU"),
            Map.entry("embedded", "embedded subset"), Map.entry("full", "full official files"),
            Map.entry("validation-loss", "validation loss"), Map.entry("validation-accuracy", "validation accuracy"));

    private Labels() { }

    /** A setting's own label; a name that is no setting (a class's category, say) in words. */
    static String setting(String name) {
        return ConfigSchema.find(name).map(Setting::label).orElseGet(() -> words(name.substring(name.lastIndexOf('.') + 1)));
    }

    static String choice(String value) {
        return initializer(value).map(Labels::name).orElse(CHOICES.getOrDefault(value, value));
    }

    /** The initializer a config spelling names, if it names one. */
    static Optional<Init> initializer(String value) {
        return Arrays.stream(Init.values()).filter(init -> init.configName().equals(value)).findFirst();
    }

    /** What the page calls an initializer. */
    static String name(Init init) {
        return switch (init) {
            case ZEROS -> "all zeros";
            case CONSTANT -> "constant";
            case UNIFORM -> "uniform";
            case TOO_SMALL -> "too small";
            case TOO_LARGE -> "too large";
            case XAVIER_NORMAL -> "Glorot (Xavier) normal";
            case XAVIER_UNIFORM -> "Glorot (Xavier) uniform";
            case LECUN_NORMAL -> "LeCun normal";
            case HE_NORMAL -> "He normal";
            case HE_UNIFORM -> "He uniform";
        };
    }

    /** The distribution each weight is drawn from, shown beside the initializer's name. */
    static String formula(Init init) {
        return switch (init) {
            case ZEROS -> "w = 0";
            case CONSTANT -> "w = " + Controls.plain(Init.CONSTANT_VALUE);
            case UNIFORM -> "U(−0.5, 0.5)";
            case TOO_SMALL -> "N(0, 0.01²)";
            case TOO_LARGE -> "N(0, 1)";
            case XAVIER_NORMAL -> "N(0, σ²), σ² = 2/(fan_in + fan_out)";
            case XAVIER_UNIFORM -> "U(±√(6/(fan_in + fan_out)))";
            case LECUN_NORMAL -> "N(0, σ²), σ² = 1/fan_in";
            case HE_NORMAL -> "N(0, σ²), σ² = 2/fan_in";
            case HE_UNIFORM -> "U(±√(6/fan_in))";
        };
    }

    /** A line under a setting's control that says which convention the page uses, where the articles differ. */
    static Optional<String> convention(String setting) {
        return switch (setting) {
            case "init" -> Optional.of("The articles’ “Xavier” (Var = 1/n_in, seed 003) is what this page calls LeCun "
                    + "normal; Glorot’s own rule is Var = 2/(fan_in + fan_out).");
            case "dropout" -> Optional.of("p is the probability of dropping a unit (Srivastava et al. write p for keeping "
                    + "one). Kept units are scaled by 1/(1 − p) while training; inference uses every unit, unscaled.");
            // The setting says what a seed draws (its description); here, what the page then says of the seeds.
            case "seeds" -> Optional.of(Verdicts.rule().replaceAll("\\.$", ""));
            case "l1Mode" -> Optional.of("Clip at zero gives exact zeros under SGD; under Adam few weights stay 0, "
                    + "because each step moves a weight by about α, far more than the αλ₁ the clip takes off");
            case "augmentation.flip" -> Optional.of("Label-safe only when the mirror image is the same class (a flipped "
                    + "sneaker is a sneaker); wrong where the mirror is another class (b and d)");
            case "augmentation.rotation" -> Optional.of("Beyond 22.5° a rotation can change the class: the shapes’ + "
                    + "turns into an ×");
            default -> Optional.empty();
        };
    }

    /** "Early stopping" -> "early-stopping": the group's id and its name in {@code hide=}. */
    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** "earlyStopping.minDelta" -> "in-earlyStopping-minDelta": a valid, stable element id. */
    static String inputId(String name) {
        return "in-" + name.replace('.', '-');
    }

    private static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
