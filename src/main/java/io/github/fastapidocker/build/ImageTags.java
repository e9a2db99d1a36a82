package io.github.fastapidocker.build;

import java.util.ArrayList;
import java.util.List;

/** The tags as a user gives them: a list whose entries may be comma-separated ({@code 1.0,latest}). */
public final class ImageTags {
    private ImageTags() {}

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
