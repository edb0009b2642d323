/**
 * What became of a flag, as types: an {@link dev.flags.outcome.Outcome} (saved, already saved, not
 * found, failed) and, for a failure, its {@link dev.flags.outcome.Cause}, which alone decides the
 * words a user reads and whether a retry may help. Both are sealed, so a {@code switch} over them
 * is checked for completeness by the compiler.
 */
package dev.flags.outcome;
