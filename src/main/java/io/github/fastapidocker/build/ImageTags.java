package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.InvalidReferenceException;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.ArrayList;
import java.util.List;

/** The tags as a user gives them: a list whose entries may be comma-separated ({@code 1.0,latest}). */
public final class ImageTags {
    private ImageTags() {}

    /** The image name, checked against Docker's grammar; a bad one names the setting. */
    public static ImageReference reference(String name, Hints hints) {
        try {
            return ImageReference.parse(name, "image");
        } catch (InvalidReferenceException e) {
            if (e.kind() == InvalidReferenceException.Kind.TAG_OR_DIGEST) {
                throw new ConfigurationException(hints.name(Setting.IMAGE)
                        + " must be an image name without tag or digest (put tags in " + hints.name(Setting.TAGS)
                        + "), was '" + e.value() + "'");
            }
            throw new ConfigurationException(hints.name(Setting.IMAGE) + " " + e.problem());
        }
    }

    /** One tag, checked against Docker's grammar; a bad one names the setting. */
    public static String validate(String tag, Hints hints) {
        try {
            return ImageReference.validateTag(tag, "tag");
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException(hints.name(Setting.TAGS) + " " + e.problem());
        }
    }

    /** Each tag once, trimmed, in the order given; empty entries dropped. */
    public static List<String> parse(List<String> given) {
        List<String> result = new ArrayList<>();
        if (given != null) {
            for (String entry : given) {
                if (entry == null) {
                    continue;
                }
                for (String part : entry.split(",")) {
                    String tag = part.trim();
                    if (!tag.isEmpty() && !result.contains(tag)) {
                        result.add(tag);
                    }
                }
            }
        }
        return List.copyOf(result);
    }
}
