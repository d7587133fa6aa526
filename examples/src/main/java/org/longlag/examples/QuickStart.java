package org.longlag.examples;

import org.longlag.models.cell.LstmCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.Evaluation;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.memory.AdditionTask;

/** The README's library quick-start, compiled and run by the tests so it cannot rot. */
public final class QuickStart {

    private QuickStart() {
    }

    public static TaskScore run(int lag, int steps) {
        AdditionTask task = AdditionTask.of(lag);                                 // reg-PLRNN protocol
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, 64), 1), 42);
        try (Trainer trainer = new Trainer(model, TrainingConfig.defaults(steps, 7))) {
            trainer.fit(task);                                                    // Adam 1e-3, batch 32, clip 1
        }
        TaskScore score = Evaluation.evaluate(model, task, 2000, 99);             // held-out sequences
        System.out.println(score);
        return score;
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 50, args.length > 1 ? Integer.parseInt(args[1]) : 3000);
    }
}
