package org.gaplab.server.classes;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaplab.server.safety.TokenBucket;

/**
 * The short room codes of the live classes, typed at {@code /join} by a learner who cannot scan the QR code: six
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off a projector is typed right.
 * A code names its class only while the class lives, and only on the server that holds it. Guessing is bounded by
 * {@link #TRIES_PER_SECOND} per address and the odds: at most {@code --max-classes} live codes among 31⁶ ≈ 8.9·10⁸.
 * Thread-safe.
 */
public final class RoomCodes {
    /** Letters and digits a projector and a phone keyboard cannot confuse. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;
    /** Codes one address may try at once, then {@link #TRIES_PER_SECOND}: a mistyped code or two, not a scan. */
    public static final int TRIES_BURST = 10;
    static final double TRIES_PER_SECOND = 0.5;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> classByCode = new HashMap<>();   // guarded by this
    private final Map<String, String> codeByClass = new HashMap<>();   // guarded by this
    private final Map<String, TokenBucket> tries = new HashMap<>();    // per client address; guarded by this

    /** Draws a code for a new class: one no live class has. */
    synchronized String assign(String classId) {
        String code;
        do {
            StringBuilder text = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            code = text.toString();
        } while (classByCode.containsKey(code));
        classByCode.put(code, classId);
        codeByClass.put(classId, code);
        return code;
    }

    /** The class ended: its code names nothing from now on (and may be drawn again). */
    synchronized void release(String classId) {
        String code = codeByClass.remove(classId);
        if (code != null) classByCode.remove(code);
    }

    public synchronized Optional<String> codeOf(String classId) {
        return Optional.ofNullable(codeByClass.get(classId));
    }

    /** The class a typed code names: case, spaces and dashes do not matter. */
    public synchronized Optional<String> classOf(String typed) {
        return Optional.ofNullable(classByCode.get(normalized(typed)));
    }

    /** Whether {@code client} may try a code now; full buckets are forgotten, so the map holds only busy addresses. */
    public synchronized boolean mayTry(String client, long now) {
        tries.values().removeIf(bucket -> bucket.isFull(now));
        return tries.computeIfAbsent(client, c -> new TokenBucket(TRIES_BURST, TRIES_PER_SECOND, now)).take(now);
    }

    static String normalized(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
