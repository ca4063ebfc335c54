/**
 * The pretrained global forecaster: a compact patch mixer learnt once on a corpus of many real and
 * synthetic series of any frequency ({@link io.prescient.neural.pretrained.Pretraining}), shipped as
 * a small artifact, used zero-shot or fine-tuned on a dataset within a time budget.
 */
package io.prescient.neural.pretrained;
