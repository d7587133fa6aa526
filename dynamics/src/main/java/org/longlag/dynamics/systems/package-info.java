/**
 * Built-in continuous-time systems (each an {@link org.longlag.dynamics.OdeSystem} with its analytic
 * Jacobian and an immutable, validated {@code Parameters} record) and the by-name registry
 * {@link org.longlag.dynamics.systems.OdeSystems}.
 */
package org.longlag.dynamics.systems;
