package org.longlag.tasks.report;

import java.util.Base64;

/**
 * A rendered figure of a report.
 *
 * @param id      anchor name
 * @param title   heading
 * @param caption what it shows, in words
 * @param png     the image
 */
public record Figure(String id, String title, String caption, byte[] png) {

    /** The image as a data URI, so the page needs no other file. */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
