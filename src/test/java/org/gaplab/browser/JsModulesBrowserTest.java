package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's pure modules tested directly, in the browser that runs them: each {@code *.test.js} file under
 * {@code src/test/resources/org/gaplab/js-tests/} is one dynamic test, run on the playground's own origin (so its
 * {@code import('/js/…')} loads exactly what the page loads, under the page's content security policy). A file calls
 * {@code await test(name, body)} for each case and asserts with {@code eq(actual, expected, what)} and
 * {@code ok(condition, what)}; every failing case is reported with its message, and a file that ran no case fails.
 */
class JsModulesBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private static boolean opened;

    private static final String HARNESS = """
            const done = arguments[arguments.length - 1];
            const results = [];
            const test = async (name, body) => {
              try { await body(); results.push({ name, ok: true }); }
              catch (e) { results.push({ name, ok: false, error: String(e && e.message || e) }); }
            };
            const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
            const eq = (actual, expected, what = '') => {
              if (!same(actual, expected)) {
                throw new Error(`${what} expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`);
              }
            };
            const ok = (condition, what) => { if (!condition) throw new Error(what); };
            const fixture = (html = '') => {
              const root = document.createElement('div');
              root.className = 'js-test-fixture';
              root.append(document.createRange().createContextualFragment(html));
              document.body.append(root);
              return root;
            };
            (async () => {
            %s
            })().then(() => done(results), (e) => done([{ name: 'the file itself', ok: false, error: String(e) }]));
            """;

    @TestFactory
    Stream<DynamicTest> every_module_test_file_passes() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(getClass().getResource("/org/gaplab/js-tests")).toURI());
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".test.js")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no module tests found in " + folder);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private void run(Path file) throws IOException {
        PageDriver page = LIVE.page();
        if (!opened) page.open("");     // one page for every file: each file's fixtures are its own and removed
        opened = true;
        String body;
        try (InputStream in = Files.newInputStream(file)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) page.js().executeAsyncScript(HARNESS.formatted(body));
        List<String> failures = results.stream().filter(r -> !Boolean.TRUE.equals(r.get("ok")))
                .map(r -> r.get("name") + ": " + r.get("error")).toList();
        assertEquals(List.of(), failures, file.getFileName() + " ran " + results.size() + " cases");
        assertFalse(results.isEmpty(), file.getFileName() + " ran no case");
    }
}
