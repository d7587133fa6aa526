package org.longlag.tasks.experiment;

/**
 * Told of each validation score as soon as {@link ExperimentRunner} computes it (a long run can
 * show its progress): pass a {@link org.longlag.models.train.TrainingListener} that also implements
 * this interface to {@link ExperimentRunner#run}.
 */
public interface ValidationListener {

    void onValidation(EvaluationPoint point);
}
