package org.longlag.models.train;

/** Lets a listener end training early, with a reason that ends up in the result. */
public final class TrainingControl {

    private String stopReason;

    public void stop(String reason) {
        if (stopReason == null) stopReason = reason;
    }

    public boolean stopped() {
        return stopReason != null;
    }

    public String stopReason() {
        return stopReason;
    }
}
