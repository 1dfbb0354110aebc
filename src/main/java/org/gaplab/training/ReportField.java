package org.gaplab.training;

import java.util.function.Function;

/**
 * One named value of a report as a page reads it. A report's list of fields fixes the keys of its JSON and their
 * order, so the Java records can be grouped for their readers while the wire stays flat.
 */
public record ReportField<R>(String name, Function<R, ?> value) { }
