package org.gaplab.view;

import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.legend;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.select;
import static j2html.TagCreator.small;
import static j2html.TagCreator.span;

import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.InputTag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.Setting;

/**
 * Form controls rendered from the {@link Setting} descriptors that validate configs, so a range or a choice exists
 * in one place. Every control is a {@code .setting} element carrying its name, kind, default and whether it is live;
 * the browser's {@code controls.js} reads those attributes and never hard-codes a range.
 */
public final class Controls {
    /** Mantissas of the log-slider ladder: 1, 2, 3, 5 × 10^k, the steps a person would try by hand. */
    private static final int[] MANTISSAS = {1, 2, 3, 5};
    /** A log slider whose range starts at 0 spans this many decades below its maximum, after the 0 stop. */
    private static final int DECADES_BELOW_MAX = 5;
    /** Integers with at most this many values get a linear slider. */
    private static final int LINEAR_INTEGER_SPAN = 200;

    private Controls() { }

    /** The control for one setting of the schema, showing its default. */
    public static DivTag setting(Setting setting) {
        if (setting instanceof Setting.Integer s) return integer(s);
        if (setting instanceof Setting.Number s) return number(s);
        if (setting instanceof Setting.Choice s) return choice(s.name(), s.choices(), s.defaultChoice(), s);
        if (setting instanceof Setting.Flag s) return flag(s);
        if (setting instanceof Setting.IntegerList s) return layers(s);
        if (setting instanceof Setting.NumberList s) return rateList(s);
        if (setting instanceof Setting.ChoiceList s) return choiceList(s);
        throw new IllegalArgumentException("no control for " + setting);
    }

    /** A linear slider with an exact number box beside it. */
    public static DivTag slider(String name, double value, double min, double max) {
        double step = niceStep(max - min);
        return row(name, "linear",
                rangeInput(name).withMin(plain(min)).withMax(plain(max)).attr("step", plain(step)).withValue(plain(value)),
                numberBox(name, value, min, max, "any"));
    }

    /** A slider over 0 (when min is 0) and 1, 2, 3, 5 × 10^k up to max, with an exact number box beside it. */
    public static DivTag logSlider(String name, double value, double min, double max) {
        List<Double> ladder = ladder(min, max, false);
        int position = nearest(ladder, value);
        return row(name, "log",
                rangeInput(name).withMin("0").withMax(String.valueOf(ladder.size() - 1)).attr("step", "1")
                        .withValue(String.valueOf(position))
                        .attr("data-ladder", ladder.stream().map(Controls::plain).collect(Collectors.joining(","))),
                numberBox(name, value, min, max, "any"));
    }

    private static DivTag integer(Setting.Integer s) {
        DivTag body;
        if (s.max() - s.min() <= LINEAR_INTEGER_SPAN) {
            body = row(s.name(), "linear",
                    rangeInput(s.name()).withMin(String.valueOf(s.min())).withMax(String.valueOf(s.max())).attr("step", "1")
                            .withValue(String.valueOf(s.defaultInt())),
                    numberBox(s.name(), s.defaultInt(), s.min(), s.max(), "1"));
        } else if (s.min() >= 1 && (double) s.max() / s.min() >= 100) {
            List<Double> ladder = ladder(s.min(), s.max(), true);
            body = row(s.name(), "log",
                    rangeInput(s.name()).withMin("0").withMax(String.valueOf(ladder.size() - 1)).attr("step", "1")
                            .withValue(String.valueOf(nearest(ladder, s.defaultInt())))
                            .attr("data-ladder", ladder.stream().map(Controls::plain).collect(Collectors.joining(","))),
                    numberBox(s.name(), s.defaultInt(), s.min(), s.max(), "1"));
        } else {
            body = row(s.name(), "box", numberBox(s.name(), s.defaultInt(), s.min(), s.max(), "1"));
        }
        return wrap(s, "integer", body).attr("data-min", s.min()).attr("data-max", s.max());
    }

    private static DivTag number(Setting.Number s) {
        DivTag body = s.logScale() ? logSlider(s.name(), s.defaultNumber(), s.min(), s.max())
                : slider(s.name(), s.defaultNumber(), s.min(), s.max());
        return wrap(s, "number", body).attr("data-min", plain(s.min())).attr("data-max", plain(s.max()));
    }

    private static DivTag choice(String name, List<String> choices, String chosen, Setting s) {
        DomContent box = select(each(choices, c -> choiceOption(c, chosen)))
                .withId(Labels.inputId(name)).attr("data-role", "value").attr("aria-describedby", describedBy(name));
        boolean formulas = choices.stream().anyMatch(c -> Labels.initializer(c).isPresent());
        return wrap(s, "choice", div(box).withClass("setting-row"),
                formulas ? output().withClass("formula-line").attr("data-role", "formula").attr("aria-live", "polite") : null);
    }

    /**
     * An option; an initializer's is its name, its distribution in data-formula for the line under the select (in the
     * closed select the formula was cut, then said again below).
     */
    private static DomContent choiceOption(String value, String chosen) {
        var init = Labels.initializer(value);
        String text = init.map(Labels::name).orElse(Labels.choice(value));
        return option(text).withValue(value).withCondSelected(value.equals(chosen))
                .condAttr(init.isPresent(), "data-formula", init.map(Labels::formula).orElse(null))
                .condAttr(DataSpec.DATASET.choices().contains(value), "data-family",
                        DataSpec.DATASET.choices().contains(value) ? DataSpec.Family.of(value).name().toLowerCase(java.util.Locale.ROOT) : null);
    }

    private static DivTag flag(Setting.Flag s) {
        InputTag box = input().withType("checkbox").withId(Labels.inputId(s.name())).attr("data-role", "value")
                .withCondChecked(s.defaultFlag()).attr("aria-describedby", describedBy(s.name()));
        return applies(div(
                div(box, label(Labels.setting(s.name())).attr("for", Labels.inputId(s.name())), badge(s)).withClass("setting-head flag-head"),
                hint(s), problems(s.name()))
                .withClass("setting").attr("data-setting", s.name()).attr("data-kind", "boolean")
                .attr("data-live", s.live()).attr("data-default", String.valueOf(s.defaultFlag())), s.name());
    }

    private static DivTag choiceList(Setting.ChoiceList s) {
        String labelId = "label-" + Labels.inputId(s.name());
        DivTag boxes = div(each(s.choices(), c -> label(
                input().withType("checkbox").attr("data-role", "choice").withValue(c).withCondChecked(s.defaultList().contains(c)),
                span(Labels.choice(c))).withClass("chip")))
                .withClass("choices").withId(Labels.inputId(s.name())).attr("role", "group")
                .attr("aria-labelledby", labelId).attr("aria-describedby", describedBy(s.name()));
        return applies(div(
                div(span(Labels.setting(s.name())).withId(labelId).withClass("label"), badge(s)).withClass("setting-head"),
                boxes, hint(s), problems(s.name()))
                .withClass("setting").attr("data-setting", s.name()).attr("data-kind", "choice-list")
                .attr("data-live", s.live()).attr("data-default", String.join(",", s.defaultList()))
                .attr("data-min-length", s.minLength()).attr("data-max-length", s.maxLength()), s.name());
    }

    /** Hidden layers: one number box per layer, and buttons to add and remove a layer. */
    private static DivTag layers(Setting.IntegerList s) {
        String labelId = "label-" + Labels.inputId(s.name());
        List<DomContent> boxes = new ArrayList<>();
        for (int i = 0; i < s.defaultList().size(); i++) boxes.add(layerBox(i, s.defaultList().get(i), s));
        DivTag editor = div(
                button("−").withType("button").attr("data-role", "remove-layer").attr("aria-label", "Remove the last hidden layer"),
                div(boxes.toArray(new DomContent[0])).withClass("layer-boxes").attr("data-role", "layers"),
                button("+").withType("button").attr("data-role", "add-layer").attr("aria-label", "Add a hidden layer"),
                output(String.valueOf(s.defaultList().size())).attr("data-role", "layer-count").attr("aria-live", "polite")
                        .withClass("layer-count"))
                .withClass("layers").withId(Labels.inputId(s.name())).attr("role", "group")
                .attr("aria-labelledby", labelId).attr("aria-describedby", describedBy(s.name()));
        return div(
                div(span(Labels.setting(s.name())).withId(labelId).withClass("label"), badge(s)).withClass("setting-head"),
                editor, hint(s), problems(s.name()))
                .withClass("setting").attr("data-setting", s.name()).attr("data-kind", "integer-list")
                .attr("data-live", s.live()).attr("data-default", s.defaultList().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .attr("data-min", s.min()).attr("data-max", s.max())
                .attr("data-min-length", s.minLength()).attr("data-max-length", s.maxLength());
    }

    /** One hidden layer's width; the browser clones this shape when a layer is added. */
    static InputTag layerBox(int index, int value, Setting.IntegerList s) {
        return input().withType("number").attr("data-role", "layer").withMin(String.valueOf(s.min()))
                .withMax(String.valueOf(s.max())).attr("step", "1").withValue(String.valueOf(value))
                .attr("aria-label", "Neurons in hidden layer " + (index + 1)).attr("inputmode", "numeric");
    }

    /** Dropout: one slider sets a rate for every hidden layer; the box takes one rate or one per layer. */
    private static DivTag rateList(Setting.NumberList s) {
        double first = s.defaultList().isEmpty() ? 0 : s.defaultList().get(0);
        String text = s.defaultList().stream().map(Controls::plain).collect(Collectors.joining(", "));
        DivTag body = row(s.name(), "linear",
                rangeInput(s.name()).withMin(plain(s.min())).withMax(plain(s.max())).attr("step", "0.05").withValue(plain(first)),
                input().withType("text").withId(Labels.inputId(s.name())).attr("data-role", "value").withValue(text)
                        .attr("inputmode", "decimal").attr("placeholder", "0").attr("autocomplete", "off")
                        .attr("aria-describedby", describedBy(s.name())).withClass("list-box"));
        return wrap(s, "number-list", body).attr("data-min", plain(s.min())).attr("data-max", plain(s.max()))
                .attr("data-min-length", s.minLength()).attr("data-max-length", s.maxLength());
    }

    private static DivTag wrap(Setting s, String kind, DivTag body) {
        return wrap(s, kind, body, null);
    }

    private static DivTag wrap(Setting s, String kind, DivTag body, DomContent extra) {
        return applies(div(
                div(label(Labels.setting(s.name())).attr("for", Labels.inputId(s.name())), badge(s)).withClass("setting-head"),
                body, extra, hint(s), problems(s.name()))
                .withClass("setting").attr("data-setting", s.name()).attr("data-kind", kind).attr("data-live", s.live())
                .attr("data-default", defaultText(s.defaultValue())), s.name());
    }

    /**
     * Which values of other settings a setting applies to, for the browser to hide it otherwise: the datasets that
     * read it (decided by {@link DataSpec#readBy}), or the setting that switches it on.
     */
    static DivTag applies(DivTag element, String name) {
        List<String> datasets = DataSpec.readBy(name);
        if (datasets != null) element.attr("data-datasets", String.join(",", datasets));
        if (name.equals("momentum")) element.attr("data-when", "optimizer=momentum");
        if (name.startsWith("earlyStopping.") && !name.equals("earlyStopping.enabled")) {
            element.attr("data-when", "earlyStopping.enabled=true");
        }
        return element;
    }

    private static DivTag row(String name, String scale, DomContent... inputs) {
        return div(inputs).withClass("setting-row").attr("data-scale", scale);
    }

    private static InputTag rangeInput(String name) {
        return input().withType("range").attr("data-role", "slider").attr("aria-label", Labels.setting(name) + " slider")
                .attr("aria-controls", Labels.inputId(name));
    }

    private static InputTag numberBox(String name, double value, double min, double max, String step) {
        return input().withType("number").withId(Labels.inputId(name)).attr("data-role", "value")
                .withMin(plain(min)).withMax(plain(max)).attr("step", step).withValue(plain(value))
                .attr("inputmode", "decimal").attr("aria-describedby", describedBy(name)).withClass("number-box");
    }

    /** Whether the setting applies to a running session at once, or needs a reset. */
    private static DomContent badge(Setting s) {
        return s.live()
                ? span("live").withClass("badge live").attr("title", "Applies to a running session at the next epoch")
                : span("reset").withClass("badge reset").attr("title", "Takes effect when the run is reset or restarted");
    }

    private static DomContent hint(Setting s) {
        String convention = Labels.convention(s.name()).map(text -> ". " + text).orElse("");   // descriptions end without a stop
        return small(s.description() + convention).withClass("hint").withId("hint-" + Labels.inputId(s.name()));
    }

    /** Where the server's error for this field appears, and the "needs a reset" notice. */
    private static DomContent problems(String name) {
        return div(
                p().withClass("error").withId("error-" + Labels.inputId(name)).attr("data-error-for", name).attr("hidden", ""),
                p("Changed: press Reset (or Start) to apply").withClass("pending").attr("hidden", ""));
    }

    private static String describedBy(String name) {
        return "hint-" + Labels.inputId(name) + " error-" + Labels.inputId(name);
    }

    /** The default in the URL's spelling: lists comma-separated, numbers as short as they round-trip. */
    static String defaultText(Object value) {
        if (value instanceof List<?> list) return list.stream().map(Controls::defaultText).collect(Collectors.joining(","));
        if (value instanceof Double d) return plain(d);
        return String.valueOf(value);
    }

    /** 0, 1e-5, 0.0001, 0.03, 200: as a person writes it ({@link Setting#plain}), and as it reads back. */
    static String plain(double value) {
        return Setting.plain(value);
    }

    /** 1, 2, 3, 5 × 10^k within [min, max] (starting with 0 when min is 0), ending with max itself. */
    static List<Double> ladder(double min, double max, boolean integers) {
        List<Double> values = new ArrayList<>();
        double low = min > 0 ? min : max / Math.pow(10, DECADES_BELOW_MAX);
        if (min <= 0) values.add(0.0);
        int fromExponent = (int) Math.floor(Math.log10(low));
        int toExponent = (int) Math.ceil(Math.log10(max));
        for (int k = fromExponent; k <= toExponent; k++) {
            for (int m : MANTISSAS) {
                double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                if (v >= low * (1 - 1e-12) && v <= max * (1 + 1e-12) && (!integers || v == Math.rint(v))) values.add(v);
            }
        }
        if (min > 0 && values.get(min <= 0 ? 1 : 0) > min) values.add(0, min);
        if (values.get(values.size() - 1) < max) values.add(max);
        return values;
    }

    private static int nearest(List<Double> ladder, double value) {
        int best = 0;
        for (int i = 1; i < ladder.size(); i++) {
            if (distance(ladder.get(i), value) < distance(ladder.get(best), value)) best = i;
        }
        return best;
    }

    /** Distance on the slider's log scale (0 is its own stop). */
    private static double distance(double a, double b) {
        if (a == 0 || b <= 0) return (a == 0) == (b <= 0) ? 0 : Double.MAX_VALUE;
        return Math.abs(Math.log(a) - Math.log(b));
    }

    /** A round slider step giving about a hundred positions. */
    private static double niceStep(double span) {
        return new BigDecimal(1).scaleByPowerOfTen((int) Math.floor(Math.log10(span / 100))).doubleValue();
    }
}
