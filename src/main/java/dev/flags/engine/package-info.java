/**
 * The engine that runs a {@link dev.flags.download.RunSpec}: one place for a run's clock, its
 * deadline and grace, cancellation (Ctrl-C), the results of flags left unfinished, progress and the
 * report. {@code flags}, {@code flags bench}, the AOT training run and the tests all call {@link
 * dev.flags.engine.Engine}.
 */
package dev.flags.engine;
