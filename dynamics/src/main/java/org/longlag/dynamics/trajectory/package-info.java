/**
 * Trajectories: integration of {@link org.longlag.dynamics.OdeSystem}s with Commons Math
 * ({@link org.longlag.dynamics.trajectory.OdeIntegration}), simulated data sets with transient,
 * sampling step, observation noise and standardization
 * ({@link org.longlag.dynamics.trajectory.TrajectoryGenerator}), the
 * {@link org.longlag.dynamics.trajectory.Trajectory} type and CSV files
 * ({@link org.longlag.dynamics.trajectory.TrajectoryCsv}).
 */
package org.longlag.dynamics.trajectory;
