/** Teams choosing launch days on shared capacity: best-response dynamics to a Nash equilibrium, uniqueness and the cooperative optimum. */
package io.prescient.feedback.game;
