package org.gaplab.verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaplab.verdicts.Quantity.Unit;
import org.gaplab.verdicts.Verdict.Status;
import org.gaplab.verdicts.Verdicts.Count;

/**
 * Why a run's validation loss rose after its best epoch, seed by seed. Loss weighs how sure each answer is, accuracy
 * only whether it is right: loss up with accuracy flat is overconfidence (surer of the points it gets wrong; the
 * reliability diagram drifts below its diagonal and the calibration error grows), loss up with accuracy down is new
 * mistakes.
 */
public final class Diagnoses {
    /** What happened to one run's validation loss after its best epoch. */
    public enum Diagnosis {
        /** It did not rise (clearly, and for long enough), or the run is too young to say. */
        NO_RISE,
        /** It rose while validation accuracy stayed within two points of its best or went up. */
        OVERCONFIDENCE,
        /** It rose and validation accuracy fell by more than two points. */
        NEW_MISTAKES;

        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private Diagnoses() { }

    /**
     * Validation loss (the mean of the last {@link RunOutcome#RECENT} epochs, at least {@link Verdicts#RISE_EPOCHS}
     * epochs after the best) above its best by 10% and by at least 0.02; then accuracy tells the two kinds of rise apart.
     */
    public static Diagnosis diagnose(RunOutcome run) {
        if (!run.trained() || run.recent() == null || run.best() == null) return Diagnosis.NO_RISE;
        if (run.restored()) return Diagnosis.NO_RISE;   // its model is the best epoch's: the later epochs were discarded
        RunOutcome.Recent recent = run.recent();
        if (recent.epoch() - run.best().epoch() < Verdicts.RISE_EPOCHS) return Diagnosis.NO_RISE;
        double rise = recent.validationLoss() - run.best().losses().validation();
        if (rise <= Math.max(Verdicts.RISE_MIN, Verdicts.RISE_SHARE * run.best().losses().validation())) return Diagnosis.NO_RISE;
        double accuracyAtBest = run.best().accuracies().validation();
        if (Double.isNaN(accuracyAtBest)) return Diagnosis.NO_RISE;   // regression: no accuracy to tell them apart
        return recent.validationAccuracy() >= accuracyAtBest - Verdicts.FLAT_ACCURACY
                ? Diagnosis.OVERCONFIDENCE : Diagnosis.NEW_MISTAKES;
    }

    /** The verdict on a run's rises over its seeds ({@code who}: "A", "B", "The run"), or empty when none rose. */
    static Optional<Verdict> rise(String who, List<RunOutcome> runs) {
        List<Diagnosis> diagnoses = runs.stream().filter(RunOutcome::trained).map(Diagnoses::diagnose).toList();
        int k = diagnoses.size();
        int overconfident = (int) diagnoses.stream().filter(d -> d == Diagnosis.OVERCONFIDENCE).count();
        int mistakes = (int) diagnoses.stream().filter(d -> d == Diagnosis.NEW_MISTAKES).count();
        int rose = overconfident + mistakes;
        if (rose == 0) return Optional.empty();
        String whose = who.equals("The run") ? "the run’s" : who + "’s";
        List<Double> rises = new ArrayList<>();
        List<Double> calibrationBefore = new ArrayList<>();
        List<Double> calibrationNow = new ArrayList<>();
        for (RunOutcome run : runs) {
            boolean counted = run.trained() && diagnose(run) != Diagnosis.NO_RISE;
            rises.add(counted ? run.recent().validationLoss() - run.best().losses().validation() : Double.NaN);
            if (counted && diagnose(run) == Diagnosis.OVERCONFIDENCE) {
                calibrationBefore.add(run.best().validation().calibration().error());
                calibrationNow.add(run.latest().validation().calibration().error());
            }
        }
        String parts = (overconfident > 0 ? "overconfidence on " + overconfident + " (validation accuracy stays within "
                + Math.round(100 * Verdicts.FLAT_ACCURACY) + " points of its best; the calibration error, "
                + Verdicts.span(calibrationBefore, Unit.LOSS) + " at the best epoch, is " + Verdicts.span(calibrationNow, Unit.LOSS)
                + " now)" : "")
                + (overconfident > 0 && mistakes > 0 ? ", " : "")
                + (mistakes > 0 ? "new mistakes on " + mistakes + " (validation accuracy falls by more than "
                + Math.round(100 * Verdicts.FLAT_ACCURACY) + " points)" : "");
        Status status = Verdicts.status(k, rose);
        String sentence = switch (status) {
            case HOLDS -> capital(whose) + " validation loss rises after its best epoch on " + rose + " of " + k
                    + " seeds (by " + Verdicts.span(rises, Unit.LOSS) + "): " + parts + ".";
            case CANT_TELL -> "Can't tell from " + k + " seeds whether " + whose + " validation loss rises after its best"
                    + " epoch: it does on " + rose + ": " + parts + ".";
            case NOT_MEASURED -> "Whether " + whose + " validation loss rises after its best epoch shows once it has one.";
            case FEW_SEEDS -> Verdicts.few(new Count(k, rose)) + whose + " validation loss rises after its best epoch on "
                    + rose + " of " + k + " (by " + Verdicts.span(rises, Unit.LOSS) + "): " + parts + ".";
        };
        String id = who.equals("The run") ? "rise" : "rise-" + who.toLowerCase(Locale.ROOT);
        return Optional.of(new Verdict(id, status, sentence, "validation", true, rose, k, Verdicts.required(k), rises));
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
