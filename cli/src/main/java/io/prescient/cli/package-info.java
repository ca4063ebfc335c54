/**
 * The {@code prescient} command: parses arguments, opens the store, calls the library and prints
 * results. No forecasting or planning logic lives here.
 */
package io.prescient.cli;
