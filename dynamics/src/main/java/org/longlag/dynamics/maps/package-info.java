/** Built-in discrete-time maps ({@link org.longlag.dynamics.DiscreteMap}s), e.g. as test fixtures. */
package org.longlag.dynamics.maps;
