package org.gaplab.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.engine.L1;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.L2;
import org.gaplab.engine.MaxNorm;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.protocol.Json;

/**
 * The update-rule math the objective panel shows, taken from the engine's own regularizers and update rules and
 * rendered into the page ({@code data-formulas} on {@code #update-rule}): the browser fills in the live numbers and
 * writes none of the formulas itself.
 */
final class UpdateFormulas {
    /** The data loss's gradient, the start of every g. */
    static final String DATA_GRADIENT = "∂L̄/∂w";

    private UpdateFormulas() { }

    /**
     * {@code data}: ∂L̄/∂w; {@code terms}: what each penalty adds to g; {@code proximal}: the step after the update;
     * {@code constraints}: what acts after the whole step; {@code rules}: each optimizer's lines, by config name;
     * {@code decoupled}: the optimizers that take L2 apart from g, as decay.
     */
    static Map<String, Object> table() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("l2", new L2(1).formula());
        terms.put("subgradient", new L1(1, L1Mode.SUBGRADIENT).formula());
        Map<String, Object> proximal = new LinkedHashMap<>();
        proximal.put("clip", new L1(1, L1Mode.CLIP).formula());
        Map<String, Object> rules = new LinkedHashMap<>();
        List<String> decoupled = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) {
            rules.put(kind.configName(), kind.formula());
            if (kind.decouplesWeightDecay()) decoupled.add(kind.configName());
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("data", DATA_GRADIENT);
        table.put("terms", terms);
        table.put("proximal", proximal);
        table.put("constraints", constraints());
        table.put("rules", rules);
        table.put("decoupled", decoupled);
        return table;
    }

    /**
     * The constraints that act after the whole step, under the name of the setting that switches each on (a value above
     * 0), with the symbol its formula takes that value as: the page shows each one that is on, and knows none by name.
     */
    private static Map<String, Object> constraints() {
        Map<String, Object> constraints = new LinkedHashMap<>();
        constraints.put("maxNorm", Map.of("formula", new MaxNorm(1).formula(), "symbol", "c"));
        return constraints;
    }

    static String json() { return Json.write(table()); }
}
