/** Validated YAML configuration: shared node readers that name file, line and field in every error, and the loop's config file. */
package io.prescient.plan.config;
