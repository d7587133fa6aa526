/** Helpers shared inside the dynamics module. Not API: may change without notice. */
package org.longlag.dynamics.internal;
