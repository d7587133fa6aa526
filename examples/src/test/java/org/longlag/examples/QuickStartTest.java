package org.longlag.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.tasks.TaskScore;

class QuickStartTest {

    @Test
    void theReadmeExampleLearns() {
        TaskScore s = QuickStart.run(10, 600);
        assertTrue(s.error() < 0.5 * s.chanceError(), "quick-start LSTM at T=10 after 600 steps: " + s);
    }
}
