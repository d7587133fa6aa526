/**
 * Memory-augmented networks' parts as public, reusable components: the memory and its read and
 * erase/add write, content-based addressing, the NTM's location-based addressing, and the NTM's
 * head that chains them (Graves, Wayne & Danihelka 2014, "Neural Turing Machines",
 * arXiv:1410.5401, eqs. 2 to 9).
 *
 * <p>Each equation is one method with its backward beside it, in the style of DeepMind's DNC
 * ({@code addressing.py}) and pytorch-ntm: forward writes its result and whatever its backward
 * needs into a trace the caller allocates (once per step record), backward turns the gradient of
 * the result into gradients of the inputs, using a caller-allocated work area (once per thread).
 * Nothing here allocates per step.
 *
 * <p>The components work on plain matrices, one row per sample: a memory {@link
 * org.longlag.models.memory.Memory} [batch x N*M] (stored transposed, see there), weightings and
 * similarities [batch x N], keys [batch x M], scalars per sample (strengths, gates) [batch x 1].
 * They know no cell's layout: a cell declares the state the components keep as named state parts
 * ({@link org.longlag.models.memory.Memory#statePart}, {@link
 * org.longlag.models.memory.AddressingHead#weightingPart}) and hands them the matrices. So a
 * DNC can address its own memory part by content ({@link
 * org.longlag.models.memory.ContentAddressing}) and write it by erase and add ({@link
 * org.longlag.models.memory.Memory#erase}, {@link org.longlag.models.memory.Memory#add}) beside
 * its own usage, allocation and temporal links.
 *
 * <p>Where NaN comes from in NTM implementations, and the guards here:
 * <ul>
 *   <li>cosine similarity of a zero vector (0/0, and a derivative k/||k|| that is 0/0): every norm
 *       is the smooth sqrt(||v||^2 + {@link org.longlag.models.memory.ContentAddressing#NORM_EPS}^2),
 *       finite with a finite derivative at 0; memory initialized to a constant 1e-6 has row norms
 *       ~1e-6, well above it;</li>
 *   <li>softmax overflow for large beta K: the row maximum is subtracted;</li>
 *   <li>pow(0, gamma) and its gamma-derivative 0 * log 0, and a sum of powers that underflows to
 *       0 in float32 when gamma is large (0/0): sharpening is computed as the equivalent
 *       softmax(gamma log(w~ + delta)) with delta = {@link
 *       org.longlag.models.memory.LocationAddressing#SHARPEN_FLOOR}, so the largest term is
 *       exactly 1 and the sum never vanishes;</li>
 *   <li>(not NaN, but speed) weights and their gradients below float32's normal range are
 *       flushed to zero, as the BPTT engine does for states: subnormal arithmetic is many times
 *       slower and the JVM cannot set flush-to-zero;</li>
 *   <li>a shifted weighting with a negative entry (only from a previous weighting that is not a
 *       probability vector, e.g. a hand-set initial state) would make the log NaN: its positive
 *       part is used.</li>
 * </ul>
 */
package org.longlag.models.memory;
