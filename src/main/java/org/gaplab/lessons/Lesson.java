package org.gaplab.lessons;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.Claim;

/**
 * A preset: a validated training config that demonstrates one claim of the syllabus, and two lines telling the
 * learner what to watch while it trains. A lesson may open as an A/B comparison or as a sweep instead of one run.
 *
 * @param id      the URL spelling ({@code ?preset=l1-sparsity}): lower case words joined by hyphens
 * @param claim   the syllabus claim it shows ("L1 sparsity", "early stopping", ...)
 * @param watch   exactly two lines: what to look at, and what it means
 * @param changes run B's changes to the config (config keys, dotted for nested ones, to plain values); empty when
 *                the lesson is not a comparison
 * @param sweep   the sweep in the page's URL form ({@code l2:grid:0.0001:1:8}), or null: the lesson is not a sweep
 * @param focus   the config keys the lesson is about ({@code l1}, {@code l1Mode}): the controls a learner needs in
 *                view while it trains
 * @param claims  what its sentences say, as checkable data: judged over the seeds by {@code Verdicts} on the page,
 *                in {@code train --preset} and in the tests
 * @param view    a view of its own the lesson opens instead of a run ({@code landscape}: the two-weight loss, the
 *                penalty's ball and the paths), or null
 * @param language the language its text is written in, a BCP 47 tag ({@code en}, {@code de}, {@code ar}, {@code pt-BR})
 * @param direction its text's direction, {@code ltr} or {@code rtl}
 * @param cards   the parts of the page an embed of it shows ({@link #CARDS}, the URL's {@code show=}); empty: all
 * @param classPlan what a class experiment of a run or comparison lesson varies by default, in the sweep's form
 *                ({@code l2:values:0.001,0.01,0.1}), or null: the teacher picks (a sweep lesson's class varies its sweep)
 * @param evidence what the bench's evidence chart draws ({@link Evidence}), or null: exact zeros when L1 is on, else the gap
 */
public record Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch,
                     Map<String, Object> changes, String sweep, List<String> focus, List<Claim> claims,
                     String view, String language, String direction, List<String> cards, String classPlan,
                     Evidence evidence) {
    /** The views a lesson may open instead of a run. */
    public static final List<String> VIEWS = List.of("landscape");
    /** A sweep's (and a class plan's) URL form: {@code param:grid|random:from:to:count} or {@code param:values:a,b}. */
    public static final String PLAN = "[A-Za-z0-9.]+:(grid|random):[^:]+:[^:]+:\\d+|[A-Za-z0-9.]+:values:[^:]+";
    /** The directions text may run in. */
    public static final List<String> DIRECTIONS = List.of("ltr", "rtl");
    /** What a BCP 47 language tag looks like (a language, then optional script, region and variants). */
    public static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    /**
     * The parts of the page an embed may show (the URL's {@code show=}): the bench's cards, the settings, and the detail
     * views, which {@code show=} opens.
     */
    public static final List<String> CARDS = List.of("settings", "watch", "metrics", "curves", "model-view", "sparsity",
            "details", "calibration", "mistakes", "network", "weights", "init", "objective", "data-extra", "compare-setup",
            "compare-weights", "compare-init", "compare-calibration", "sweep-runs");

    public Lesson {
        Objects.requireNonNull(config, "config");
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("lesson id must be lower-case words joined by hyphens: " + id);
        }
        if (title == null || title.isBlank()) throw new IllegalArgumentException("lesson " + id + " needs a title");
        if (claim == null || claim.isBlank()) throw new IllegalArgumentException("lesson " + id + " needs a claim");
        watch = List.copyOf(watch);
        if (watch.size() != 2 || watch.stream().anyMatch(line -> line.isBlank() || line.contains("\n"))) {
            throw new IllegalArgumentException("lesson " + id + " needs exactly two one-line hints of what to watch");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        if (!changes.isEmpty() && sweep != null) {
            throw new IllegalArgumentException("lesson " + id + " is a comparison or a sweep, not both");
        }
        if (!changes.isEmpty()) ConfigValues.applyTo(config, changes);   // a bad change fails when the class loads
        if (sweep != null && !sweep.matches(PLAN)) {
            throw new IllegalArgumentException("lesson " + id + ": a sweep is param:grid|random:from:to:count or param:values:a,b");
        }
        focus = List.copyOf(focus);
        claims = List.copyOf(claims);
        if (claims.stream().map(Claim::id).distinct().count() != claims.size()) {
            throw new IllegalArgumentException("lesson " + id + ": two claims share an id");
        }
        for (Claim c : claims) {
            if (c.who() != Claim.Who.A && changes.isEmpty()) {
                throw new IllegalArgumentException("lesson " + id + ": claim " + c.id() + " reads run B, which only a comparison has");
            }
        }
        if (view != null && (!VIEWS.contains(view) || !changes.isEmpty() || sweep != null)) {
            throw new IllegalArgumentException("lesson " + id + ": a view is one of " + VIEWS + " and not a comparison or a sweep");
        }
        if (language == null || !language.matches(LANGUAGE_TAG)) {
            throw new IllegalArgumentException("lesson " + id + ": language must be a BCP 47 tag such as en or pt-BR: " + language);
        }
        if (!DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("lesson " + id + ": direction must be one of " + DIRECTIONS + ": " + direction);
        }
        cards = List.copyOf(cards);
        for (String card : cards) {
            if (!CARDS.contains(card)) throw new IllegalArgumentException("lesson " + id + ": no card is called " + card);
        }
        if (classPlan != null && (sweep != null || view != null || !classPlan.matches(PLAN))) {
            throw new IllegalArgumentException("lesson " + id + ": a class plan is param:grid|random:from:to:count or "
                    + "param:values:a,b, for a run or a comparison (a sweep's class varies its sweep)");
        }
        if (evidence != null && (sweep != null || view != null)) {
            throw new IllegalArgumentException("lesson " + id + ": evidence is drawn for a run or a comparison, not a sweep or a view");
        }
    }

    /** The lesson with every part of the record before evidence (its bench draws exact zeros with L1 on, else the gap). */
    public Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch,
                  Map<String, Object> changes, String sweep, List<String> focus, List<Claim> claims, String view,
                  String language, String direction, List<String> cards, String classPlan) {
        this(id, title, claim, config, watch, changes, sweep, focus, claims, view, language, direction, cards, classPlan, null);
    }

    /** The lesson with every part of the record before class plans (a lesson whose class the teacher sets up). */
    public Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch,
                  Map<String, Object> changes, String sweep, List<String> focus, List<Claim> claims, String view,
                  String language, String direction, List<String> cards) {
        this(id, title, claim, config, watch, changes, sweep, focus, claims, view, language, direction, cards, null);
    }

    /** A lesson in English (left to right), its embed showing the whole bench. */
    public Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch,
                  Map<String, Object> changes, String sweep, List<String> focus, List<Claim> claims, String view) {
        this(id, title, claim, config, watch, changes, sweep, focus, claims, view, "en", "ltr", List.of());
    }

    /** A lesson of one run. */
    public Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch) {
        this(id, title, claim, config, watch, Map.of(), null, List.of(), List.of(), null);
    }

    /** This lesson as an A/B comparison: run B is its config with these changes (key, value, key, value, ...). */
    public Lesson comparing(Object... keysAndValues) {
        if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("lesson " + id + ": changes come as key, value pairs");
        }
        Map<String, Object> next = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) next.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new Lesson(id, title, claim, config, watch, next, null, focus, claims, view, language, direction, cards, classPlan, evidence);
    }

    /** This lesson as a sweep ({@code param:grid:from:to:count}, {@code param:random:...}, {@code param:values:a,b}). */
    public Lesson sweeping(String plan) {
        return new Lesson(id, title, claim, config, watch, Map.of(), Objects.requireNonNull(plan, "plan"), focus, claims, view,
                language, direction, cards, null, null);   // a sweep's class varies its sweep; a sweep draws no evidence
    }

    /** This lesson with the config keys it is about. */
    public Lesson about(String... keys) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, List.of(keys), claims, view, language, direction,
                cards, classPlan, evidence);
    }

    /** This lesson with its claims as data (after {@link #comparing}, which they may read run B of). */
    public Lesson claiming(Claim... checks) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, List.of(checks), view, language, direction,
                cards, classPlan, evidence);
    }

    /** This lesson opening a view of its own ({@link #VIEWS}) instead of a run. */
    public Lesson showing(String name) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, claims, Objects.requireNonNull(name, "view"),
                language, direction, cards, classPlan, evidence);
    }

    /** This lesson written in {@code tag} (BCP 47), its text running in {@code dir} ({@code ltr} or {@code rtl}). */
    public Lesson writtenIn(String tag, String dir) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, claims, view, tag, dir, cards, classPlan, evidence);
    }

    /** This lesson's embed showing only these parts of the page ({@link #CARDS}). */
    public Lesson showingCards(String... names) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, claims, view, language, direction,
                List.of(names), classPlan, evidence);
    }

    /** This lesson's class experiment varying {@code plan} by default (the sweep's form: {@code l2:values:0.01,0.1}). */
    public Lesson classVarying(String plan) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, claims, view, language, direction, cards,
                Objects.requireNonNull(plan, "plan"), evidence);
    }

    /** This lesson's bench drawing {@code drawn} as its evidence ({@link Evidence}). */
    public Lesson evidencedBy(Evidence drawn) {
        return new Lesson(id, title, claim, config, watch, changes, sweep, focus, claims, view, language, direction, cards,
                classPlan, Objects.requireNonNull(drawn, "evidence"));
    }

    /** What a class experiment of this lesson varies unless the teacher says otherwise: its sweep or its class plan. */
    public java.util.Optional<SweepPlan> classExperiment() {
        if (sweep != null) return java.util.Optional.of(sweepPlan());
        return classPlan == null ? java.util.Optional.empty() : java.util.Optional.of(plan(classPlan));
    }

    public boolean isComparison() { return !changes.isEmpty(); }

    /** Whether a claim reads the layers' activations or gradients in every epoch (see {@code Quantity}). */
    public boolean probesEveryEpoch() {
        return claims.stream().anyMatch(claim -> claim.quantity().readsLayersEveryEpoch());
    }

    /** Run B of a comparison: the config with the changes. */
    public TrainingConfig configB() {
        if (!isComparison()) throw new IllegalStateException("lesson " + id + " is not a comparison");
        return ConfigValues.applyTo(config, changes);
    }

    /** The changes in the page's URL form ({@code l2:0.01,dropout:0.3}), or null when not a comparison. */
    public String compare() {
        if (!isComparison()) return null;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (text.length() > 0) text.append(',');
            text.append(change.getKey()).append(':').append(plain(change.getValue()));
        }
        return text.toString();
    }

    /** A sweep lesson's plan: the swept setting and its values. */
    public record SweepPlan(String param, List<Double> values) { }

    /** The values a sweep lesson trains ({@code grid} is log-spaced, {@code random} log-uniform with seed 1). */
    public SweepPlan sweepPlan() {
        if (sweep == null) throw new IllegalStateException("lesson " + id + " is not a sweep");
        return plan(sweep);
    }

    private SweepPlan plan(String text) {
        String[] parts = text.split(":", 3);
        String[] range = parts[2].split(":");
        List<Double> values = switch (parts[1]) {
            case "grid" -> Sweep.logGrid(Double.parseDouble(range[0]), Double.parseDouble(range[1]), Integer.parseInt(range[2]));
            case "random" -> Sweep.randomLogValues(Double.parseDouble(range[0]), Double.parseDouble(range[1]),
                    Integer.parseInt(range[2]), 1);
            case "values" -> java.util.Arrays.stream(parts[2].split(",")).map(Double::valueOf).toList();
            default -> throw new IllegalStateException("lesson " + id + ": unknown sweep kind " + parts[1]);
        };
        return new SweepPlan(parts[0], values);
    }

    private static String plain(Object value) {
        if (value instanceof Double number) return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }
}
