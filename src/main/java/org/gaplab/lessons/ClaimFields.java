package org.gaplab.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gaplab.verdicts.Claim;
import org.gaplab.verdicts.Quantity;
import org.gaplab.verdicts.Verdicts;

/** One claim of a lesson file: {@code {id, says, quantity, who, relation, bound, share}}, each field checked. */
final class ClaimFields {
    static final List<String> QUANTITIES = Arrays.stream(Quantity.values()).map(Quantity::configName).toList();
    static final List<String> WHO = Arrays.stream(Claim.Who.values()).map(Claim.Who::configName).toList();
    static final List<String> RELATIONS = Arrays.stream(Claim.Relation.values()).map(Claim.Relation::configName).toList();

    private ClaimFields() { }

    static Claim read(Fields f, String field, Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw f.bad(field, value, "an object {id, says, quantity, who, relation, bound, share}");
        }
        Map<String, Object> map = Fields.stringKeys(raw);
        f.onlyKnown(field + ".", map, LessonFiles.CLAIM_KEYS);
        String id = f.text(field + ".id", map.get("id"), Fields.ID, "lower-case words joined by hyphens, unique in the lesson", 40);
        String says = f.text(field + ".says", map.get("says"), null, "the sentence the learner reads, without the seed count",
                LessonFiles.MAX_TEXT);
        Quantity quantity = Quantity.values()[QUANTITIES.indexOf(f.choice(map, field + ".quantity", "quantity", QUANTITIES))];
        Claim.Who who = Claim.Who.values()[WHO.indexOf(f.choice(map, field + ".who", "who", WHO))];
        Claim.Relation relation = Claim.Relation.values()[RELATIONS.indexOf(f.choice(map, field + ".relation", "relation", RELATIONS))];
        double bound = f.number(map, field + ".bound", "bound");
        double share = map.containsKey("share") ? f.number(map, field + ".share", "share") : Verdicts.REQUIRED_SHARE;
        if (share < Claim.MIN_SHARE || share > Claim.MAX_SHARE) {
            throw f.bad(field + ".share", share, "a share of the seeds in [" + Claim.MIN_SHARE + ", " + Claim.MAX_SHARE
                    + "] (the usual " + Verdicts.REQUIRED_SHARE + ": 4 of 5, 8 of 10)");
        }
        return new Claim(id, says, quantity, who, relation, bound, share);
    }
}
