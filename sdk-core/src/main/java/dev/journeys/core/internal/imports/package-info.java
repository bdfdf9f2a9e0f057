/**
 * Bulk imports: the engine that runs a file through the move path batch by batch, its undo, background
 * runs, and the plain code that reads the file: the CSV stream
 * ({@link dev.journeys.core.internal.imports.CsvFile}), its header ({@link dev.journeys.core.internal.imports.Columns}),
 * one row's values ({@link dev.journeys.core.internal.imports.RowReader}), the tally of a run
 * ({@link dev.journeys.core.internal.imports.Tally}) and its progress ({@link dev.journeys.core.internal.imports.ProgressMeter}).
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}.
 */
package dev.journeys.core.internal.imports;
