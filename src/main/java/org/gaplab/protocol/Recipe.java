package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines what a session trains, so another server can rebuild it with identical numbers: the
 * command that built it (a {@code start}, {@code compare} or {@code sweep} message with every config key) and every
 * live change with the position (epoch) after which it took effect. Live changes take effect only between epochs,
 * so replaying the command and the changes at their epochs computes the same bits. The server sends it as a
 * {@code checkpoint}; a page sends it back in {@code restore}.
 */
public record Recipe(Map<String, Object> command, List<Change> changes) {
    /** The most changes one recipe carries: a learner dragging a slider for an hour sends fewer. */
    public static final int MAX_CHANGES = 1000;

    /** One live change: the {@code update} message's config, in effect from epoch {@code after} + 1. */
    public record Change(int after, Map<String, Object> config) { }

    public Recipe {
        command = Collections.unmodifiableMap(new LinkedHashMap<>(command));   // JSON values may be null
        changes = List.copyOf(changes);
    }

    /** The recipe of a run built by this command, before any change. */
    public static Recipe of(Map<String, Object> command) {
        return new Recipe(command, List.of());
    }

    /** This recipe with one more change, within {@link #MAX_CHANGES} and no byte bound. */
    public Recipe with(Change change) {
        return with(change, Integer.MAX_VALUE);
    }

    /**
     * This recipe with one more change, kept so that a {@code restore} can carry it: a change after the same epoch as
     * the last one is merged into it (a learner dragging a paused run's slider makes one change, not hundreds), and
     * while the recipe has more than {@link #MAX_CHANGES} changes or its JSON more than {@code maxBytes}, the two
     * changes closest in epochs become one at the later epoch. Merging the same epoch replays the same bits; the
     * second merge moves a few epochs of a long drag, so a restore after hundreds of moves replays closely, not exactly.
     */
    public Recipe with(Change change, int maxBytes) {
        List<Change> more = new ArrayList<>(changes);
        Change last = more.isEmpty() ? null : more.get(more.size() - 1);
        if (last != null && last.after() == change.after()) more.set(more.size() - 1, merged(last, change));
        else more.add(change);
        while (more.size() > 1 && (more.size() > MAX_CHANGES || Json.write(new Recipe(command, more).toMap()).length() > maxBytes)) {
            int closest = 0;
            for (int i = 1; i < more.size() - 1; i++) {
                if (more.get(i + 1).after() - more.get(i).after() < more.get(closest + 1).after() - more.get(closest).after()) closest = i;
            }
            more.set(closest, merged(more.get(closest), more.remove(closest + 1)));
        }
        return new Recipe(command, more);
    }

    /** Two changes as one, in effect after the later's epoch: the later's values win. */
    private static Change merged(Change earlier, Change later) {
        Map<String, Object> config = new LinkedHashMap<>(earlier.config());
        config.putAll(later.config());
        return new Change(later.after(), config);
    }

    /** The command that builds the run, parsed and checked as if the browser had sent it. */
    public Command build() {
        Command built = Command.parse(new LinkedHashMap<>(command));
        if (!built.replacesRun() || built instanceof Command.Restore) {
            throw new ProtocolError(ErrorCode.INVALID, "checkpoint.command", command.get("type"), "a start, compare or sweep message",
                    "a checkpoint's command must be a start, compare or sweep message");
        }
        return built;
    }

    /** The {@code checkpoint} message's fields. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("after", change.after());
            entry.put("config", change.config());
            list.add(entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        map.put("changes", list);
        return map;
    }

    /** Reads a recipe as a page sends it back; the values inside are checked when the run is rebuilt. */
    static Recipe read(Object checkpoint) {
        if (!(checkpoint instanceof Map<?, ?>)) {
            throw new ProtocolError(ErrorCode.INVALID, "checkpoint", checkpoint, "the object of the last checkpoint message",
                    "restore needs the checkpoint the server sent");
        }
        Map<String, Object> fields = Command.object(checkpoint);
        Command.allowKeys(fields, "command", "changes");
        if (!(fields.get("command") instanceof Map<?, ?> command)) {
            throw new ProtocolError(ErrorCode.INVALID, "checkpoint.command", fields.get("command"), "a start, compare or sweep message",
                    "the checkpoint has no command");
        }
        Object listed = fields.get("changes");
        if (listed == null) listed = List.of();
        if (!(listed instanceof List<?> list) || list.size() > MAX_CHANGES) {
            throw new ProtocolError(ErrorCode.INVALID, "checkpoint.changes", "(" + (listed instanceof List<?> l ? l.size() : listed) + ")",
                    "a list of at most " + MAX_CHANGES + " changes", "the checkpoint's changes are not a list of at most "
                    + MAX_CHANGES);
        }
        List<Change> changes = new ArrayList<>();
        int previous = 0;
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("config") instanceof Map<?, ?> config)
                    || !(entry.get("after") instanceof Number after) || after.doubleValue() != Math.rint(after.doubleValue())
                    || after.intValue() < previous || entry.size() != 2) {
                throw new ProtocolError(ErrorCode.INVALID, "checkpoint.changes", item, "{\"after\": epoch, \"config\": {...}} in epoch order",
                        "a checkpoint change must be {\"after\": epoch, \"config\": {...}}, in epoch order");
            }
            previous = after.intValue();
            changes.add(new Change(previous, Command.object(config)));
        }
        return new Recipe(Command.object(command), changes);
    }

    /** The position to replay to: a whole number of epochs, at least 0. */
    static int position(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
                && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new ProtocolError(ErrorCode.INVALID, "position", value, "the epoch reached, a whole number ≥ 0",
                "restore needs the position (epoch) the page had reached");
    }
}
