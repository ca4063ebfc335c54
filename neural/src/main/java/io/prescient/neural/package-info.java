/**
 * Global neural sequence-to-sequence forecasters (an LSTM encoder with a multi-horizon quantile
 * decoder) on Deep Java Library and the PyTorch CPU engine, trained across many series with
 * per-series scaling, run fully offline.
 */
package io.prescient.neural;
