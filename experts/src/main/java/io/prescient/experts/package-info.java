/**
 * Learning from expert accounts: what accounts did to their configuration ({@code actions}), what
 * configurations cost ({@code catalogue}), and, built on them, expert scoring, cloning and
 * recommendations.
 */
package io.prescient.experts;
