package org.gaplab.data;

import java.util.List;
import org.gaplab.settings.About;
import org.gaplab.settings.Scale;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;

/**
 * How strongly to augment training examples on the fly. Each strength 0 means "off". Image transforms apply to image
 * datasets, {@code jitter} to 2-D point sets; labels never change and validation and test data are never augmented.
 */
public record AugmentationSpec(int shift, double rotation, boolean flip, double scale, double noise, double blur,
                               int cutout, double jitter) {

    public static final Setting.Integer SHIFT = new Setting.Integer("augmentation.shift", 0, 4, 0,
            About.live("Shift (pixels)", "Random shift of images, up to this many pixels each way"));
    public static final Setting.Number ROTATION = new Setting.Number("augmentation.rotation", 0, 30, 0, Scale.LINEAR,
            About.live("Rotation (degrees)", "Random rotation of images, up to this many degrees each way"));
    public static final Setting.Flag FLIP = new Setting.Flag("augmentation.flip", false,
            About.live("Horizontal flip", "Random horizontal flip"));
    public static final Setting.Number SCALE = new Setting.Number("augmentation.scale", 0, 0.3, 0, Scale.LINEAR,
            About.live("Rescale", "Random rescale of images by up to this fraction"));
    public static final Setting.Number NOISE = new Setting.Number("augmentation.noise", 0, 0.5, 0, Scale.LINEAR,
            About.live("Pixel noise σ", "Gaussian pixel noise with this standard deviation"));
    public static final Setting.Number BLUR = new Setting.Number("augmentation.blur", 0, 2, 0, Scale.LINEAR,
            About.live("Blur σ", "Gaussian blur with a random σ up to this many pixels"));
    public static final Setting.Integer CUTOUT = new Setting.Integer("augmentation.cutout", 0, 14, 0,
            About.live("Cutout (pixels)", "Blank a random square of this side in pixels"));
    public static final Setting.Number JITTER = new Setting.Number("augmentation.jitter", 0, 1, 0, Scale.LINEAR,
            About.live("Point jitter σ", "2-D points: Gaussian jitter with this standard deviation"));

    public static final List<Setting> SETTINGS = List.of(SHIFT, ROTATION, FLIP, SCALE, NOISE, BLUR, CUTOUT, JITTER);

    /** No augmentation. */
    public static final AugmentationSpec NONE = new AugmentationSpec(0, 0, false, 0, 0, 0, 0, 0);

    public AugmentationSpec {
        SHIFT.check(shift);
        ROTATION.check(rotation);
        SCALE.check(scale);
        NOISE.check(noise);
        BLUR.check(blur);
        CUTOUT.check(cutout);
        JITTER.check(jitter);
    }

    /** The augmentation these values describe. */
    public static AugmentationSpec of(SettingValues v) {
        return new AugmentationSpec(v.get(SHIFT), v.get(ROTATION), v.get(FLIP), v.get(SCALE), v.get(NOISE), v.get(BLUR),
                v.get(CUTOUT), v.get(JITTER));
    }

    /** The values of {@link #SETTINGS}. */
    public SettingValues values() {
        return SettingValues.defaults(SETTINGS).with(SHIFT, shift).with(ROTATION, rotation).with(FLIP, flip)
                .with(SCALE, scale).with(NOISE, noise).with(BLUR, blur).with(CUTOUT, cutout).with(JITTER, jitter);
    }

    public boolean isNone() { return equals(NONE); }
}
