package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.engine.L1;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.L2;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * The update rule the objective panel shows is the engine's: the page carries the regularizers' and update rules'
 * formulas, {@code objective.js} writes none of them itself, and (run in Node, where present) the text it shows for
 * every optimizer and penalty is exactly the engine's lines with the live numbers filled in.
 */
class UpdateRuleTextTest {
    private static final Path OBJECTIVE_JS = Path.of("web/js/objective.js");
    private static final double ALPHA = 0.5;
    private static final double MU = 0.25;
    private static final double L1_STRENGTH = 0.25;   // αλ₁ = 0.125
    private static final double L2_STRENGTH = 0.125;

    /** The formulas as the served page carries them. */
    private static String pageFormulas() {
        Matcher m = Pattern.compile("id=\"update-rule\" data-formulas=\"([^\"]*)\"").matcher(Pages.playground(false));
        assertTrue(m.find(), "the update rule carries its formulas");
        return m.group(1).replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }

    @Test
    void the_page_carries_the_engines_formulas_and_the_browser_code_repeats_none() throws IOException {
        Map<String, Object> table = Json.readObject(pageFormulas(), "formulas");
        assertEquals(new L2(L2_STRENGTH).formula(), ((Map<?, ?>) table.get("terms")).get("l2"));
        assertEquals(new L1(L1_STRENGTH, L1Mode.SUBGRADIENT).formula(), ((Map<?, ?>) table.get("terms")).get("subgradient"));
        assertEquals(new L1(L1_STRENGTH, L1Mode.CLIP).formula(), ((Map<?, ?>) table.get("proximal")).get("clip"));
        Map<?, ?> rules = (Map<?, ?>) table.get("rules");
        String script = Files.readString(OBJECTIVE_JS);
        for (OptimizerKind kind : OptimizerKind.values()) {
            assertEquals(kind.formula(), rules.get(kind.configName()), kind.configName());
            for (String line : kind.formula()) assertFalse(script.contains(line), "objective.js repeats " + line);
        }
        assertFalse(script.contains(new L1(1, L1Mode.CLIP).formula()), "objective.js repeats the clip");
        assertFalse(script.contains(new L1(1, L1Mode.SUBGRADIENT).formula()), "objective.js repeats the subgradient");
    }

    @Test
    void the_rule_shown_for_every_optimizer_and_penalty_is_the_engines_with_the_numbers_filled_in() throws Exception {
        assumeTrue(nodeAvailable(), "Node is not installed: the browser tier shows the panel");
        List<String> optimizers = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) optimizers.add(kind.configName());
        Path script = Files.createTempFile("objective", ".mjs");
        Path formulas = Files.createTempFile("formulas", ".json");
        Files.writeString(formulas, pageFormulas());
        Files.writeString(script, String.join("\n",
                "import { readFileSync } from 'node:fs';",
                "import { Objective } from '" + OBJECTIVE_JS.toAbsolutePath().toUri() + "';",
                "const element = () => ({ textContent: '', dataset: {}, classList: { add() {}, toggle() {} }, closest() { return this; } });",
                "const elements = {};",
                "const rule = element();",
                "rule.dataset.formulas = readFileSync(process.argv[2], 'utf8');",
                "const objective = new Objective({ querySelector: id => id === '#update-rule' ? rule : (elements[id] ??= element()) });",
                "const penalties = { none: {}, l2: { l2: " + L2_STRENGTH + " }, subgradient: { l1: " + L1_STRENGTH
                        + ", l1Mode: 'subgradient' }, clip: { l1: " + L1_STRENGTH + ", l1Mode: 'clip' }, both: { l1: "
                        + L1_STRENGTH + ", l2: " + L2_STRENGTH + ", l1Mode: 'subgradient' } };",
                "const shown = {};",
                "for (const optimizer of JSON.parse(process.argv[3])) for (const [name, penalty] of Object.entries(penalties)) {",
                "  objective.setConfig({ ...penalty, optimizer, learningRate: " + ALPHA + ", momentum: " + MU + " });",
                "  shown[optimizer + '/' + name] = rule.textContent;",
                "}",
                "console.log(JSON.stringify(shown));"));
        Process node = new ProcessBuilder("node", script.toString(), formulas.toString(), Json.write(optimizers))
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0, output);
        Files.delete(script);
        Files.delete(formulas);
        Map<String, Object> shown = Json.readObject(output.trim(), "node output");
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (String penalty : List.of("none", "l2", "subgradient", "clip", "both")) {
                boolean withL2 = penalty.equals("l2") || penalty.equals("both");
                double l2 = withL2 ? L2_STRENGTH : 0;
                String[] lines = ((String) shown.get(kind.configName() + "/" + penalty)).split("\n");
                // g: the data gradient, then each term the engine adds to it before the step (L2 only when the rule
                // does not take it apart as decay; L1 only as a subgradient).
                String g = "g = " + UpdateFormulas.DATA_GRADIENT
                        + (withL2 && !kind.decouplesWeightDecay() ? " + " + new L2(l2).formula() : "")
                        + (penalty.equals("subgradient") || penalty.equals("both")
                                ? " + " + new L1(L1_STRENGTH, L1Mode.SUBGRADIENT).formula() : "");
                List<String> expected = new ArrayList<>(List.of(g));
                for (String line : kind.formula()) expected.add(filled(line, l2));
                if (penalty.equals("clip")) {
                    expected.add("then " + filled(new L1(L1_STRENGTH, L1Mode.CLIP).formula(), l2)
                            + "    (αλ₁: a step past 0 lands on exactly 0)");
                }
                assertEquals(expected, List.of(lines), kind.configName() + " with " + penalty);
            }
        }
    }

    /** The engine's line with α, μ, λ₂ and αλ₁ replaced by this test's numbers, as the page writes them. */
    private static String filled(String line, double l2) {
        return line.replace("αλ₁", plain(ALPHA * L1_STRENGTH)).replace("α", plain(ALPHA)).replace("μ", plain(MU))
                .replace("λ₂", plain(l2));
    }

    private static String plain(double x) {
        return x == 0 ? "0" : String.valueOf(x);   // the page's exact(): these numbers print as Java prints them
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
