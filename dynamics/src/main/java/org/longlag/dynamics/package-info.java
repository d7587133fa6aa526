/**
 * Dynamical-systems side of longlag: pure math on {@code double[]} and Commons Math, no neural-net
 * types.
 *
 * <ul>
 *   <li>{@link org.longlag.dynamics.OdeSystem} and {@link org.longlag.dynamics.DiscreteMap}: the two
 *       kinds of system everything else works on (models implements {@code DiscreteMap} for trained
 *       RNNs).</li>
 *   <li>{@code systems}: Lorenz-63, Roessler, Lorenz-96, Van der Pol, a bursting neuron, and a
 *       by-name registry.</li>
 *   <li>{@code trajectory}: integration, sampled and noisy trajectories, standardization, CSV.</li>
 *   <li>{@code metrics}: the DSR measures D_stsp, D_H and n-step prediction error.</li>
 *   <li>{@code lyapunov}: Lyapunov spectra by QR re-orthonormalization.</li>
 * </ul>
 */
package org.longlag.dynamics;
