/**
 * Lyapunov exponents by QR re-orthonormalization, for ODEs (variational equations) and for any
 * {@link org.longlag.dynamics.DiscreteMap} with a Jacobian (such as a trained RNN):
 * {@link org.longlag.dynamics.lyapunov.LyapunovSpectrum}.
 */
package org.longlag.dynamics.lyapunov;
