package io.prescient.core.store;

import java.time.Instant;

/**
 * One registered model version: a model fitted to every series of a scope (e.g. a dataset on an
 * hourly grid), the data range it saw, its parameters and validation scores (JSON objects), where it
 * came from, and its status. The fitted artifact is stored beside it as bytes.
 *
 * @param id          unique id, e.g. {@code ets-20261123T081500Z-3f2a}
 * @param model       the model's name (e.g. {@code ets})
 * @param scope       what it forecasts, e.g. {@code 2013-8@1h}
 * @param createdAt   when it was registered
 * @param trainedFrom epoch seconds of the first training step
 * @param trainedTo   epoch seconds of the end of the last training step (exclusive)
 * @param parameters  JSON object: settings and a summary of the fitted parameters
 * @param validation  JSON object: scores on the held-back windows
 * @param provenance  JSON object: source data, command, release
 * @param status      where it stands
 */
public record ModelVersion(String id, String model, String scope, Instant createdAt, long trainedFrom, long trainedTo,
                           String parameters, String validation, String provenance, ModelStatus status) {

    public ModelVersion withStatus(ModelStatus newStatus) {
        return new ModelVersion(id, model, scope, createdAt, trainedFrom, trainedTo, parameters, validation, provenance,
                newStatus);
    }
}
