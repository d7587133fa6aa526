package org.longlag.tasks.experiment;

/**
 * The saved run a result went on from.
 *
 * @param directory          the saved run's directory
 * @param step               updates it had done
 * @param sequences          sequences it had seen
 * @param optimizerRestarted true when its optimizer state was not saved, so the optimizer restarted
 */
public record ResumedFrom(String directory, int step, long sequences, boolean optimizerRestarted) {
}
