/**
 * Reads the real series available for pretraining from a data folder laid out as {@code ../shared/data}
 * (NAB, Alibaba GenAI and DLRM, Nezha, optionally Bitbrains up to its first test window), in place:
 * the traces are read where they lie and never copied into the project.
 */
package io.prescient.io.corpus;
